/** Dashboard: imaging orders past their target, STAT counted apart. */
import { Typography } from '@mui/material';
import { KpiCard, useKpi } from '../../../admin/kit.js';

export function ImagingOverdue() {
  const { data, isPending, error } = useKpi<{ stat: number; total: number }>('imaging-overdue');
  return (
    <KpiCard title="Imaging orders overdue" isPending={isPending} error={error}>
      <Typography variant="h3" color={data?.stat ? 'error' : undefined}>{data?.total ?? 0}</Typography>
      <Typography color={data?.stat ? 'error' : 'text.secondary'}>{data?.stat ?? 0} STAT</Typography>
    </KpiCard>
  );
}
