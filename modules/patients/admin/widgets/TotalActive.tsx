import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { KpiCard, useKpi } from '../../../../admin/kit.js';

export function TotalActive() {
  const translate = useTranslate();
  const { data, isPending, error } = useKpi<{ total: number }>('patients-total-active');
  return (
    <KpiCard title={translate('patients.widgets.total_active')} isPending={isPending} error={error} testId="widget-patients-total-active">
      <Typography variant="h3" component="p" data-value={data?.total}>
        {data?.total.toLocaleString()}
      </Typography>
    </KpiCard>
  );
}
