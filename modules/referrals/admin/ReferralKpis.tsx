/** Dashboard widget: acceptance rate, median time to an answer, and referrals by status. */
import { Stack, Typography } from '@mui/material';
import { KpiCard, useKpi } from '../../../admin/kit.js';

export function ReferralKpis() {
  const rate = useKpi<{ answered: number; accepted: number; rate: number | null }>('referrals-acceptance-rate');
  const median = useKpi<{ medianHours: number | null }>('referrals-median-answer-hours');
  const byStatus = useKpi<{ destination: string; status: string; count: number }[]>('referrals-by-destination-and-status');
  const totals = new Map<string, number>();
  for (const r of byStatus.data ?? []) totals.set(r.status, (totals.get(r.status) ?? 0) + r.count);
  return (
    <KpiCard title="Referrals (90 days)" isPending={rate.isPending || median.isPending || byStatus.isPending} error={rate.error ?? median.error ?? byStatus.error} testId="referral-kpis">
      <Stack direction="row" spacing={4}>
        <div>
          <Typography variant="h4">{rate.data?.rate == null ? '—' : `${Math.round(rate.data.rate * 100)}%`}</Typography>
          <Typography variant="body2">accepted ({rate.data?.accepted ?? 0} of {rate.data?.answered ?? 0} answered)</Typography>
        </div>
        <div>
          <Typography variant="h4">{median.data?.medianHours == null ? '—' : `${median.data.medianHours} h`}</Typography>
          <Typography variant="body2">median time to an answer</Typography>
        </div>
      </Stack>
      <Typography variant="body2" sx={{ mt: 2 }}>
        {[...totals].map(([status, n]) => `${status.replace('_', ' ')}: ${n}`).join(' · ') || 'No referrals yet'}
      </Typography>
    </KpiCard>
  );
}
