/** Dashboard: the value of stock on hand, and how many items need reordering. */
import { Typography } from '@mui/material';
import { KpiCard, useKpi } from '../../../admin/kit.js';

export function StockValue() {
  const { data, isPending, error } = useKpi<{ total: number; expired: number }>('inventory-stock-value');
  return (
    <KpiCard title="Stock value" isPending={isPending} error={error}>
      <Typography variant="h4">{((data?.total ?? 0) / 100).toLocaleString(undefined, { minimumFractionDigits: 2 })}</Typography>
      <Typography color="text.secondary">expired on shelves: {((data?.expired ?? 0) / 100).toFixed(2)}</Typography>
    </KpiCard>
  );
}

export function ReorderAlerts() {
  const { data, isPending, error } = useKpi<{ count: number }>('inventory-below-reorder');
  return (
    <KpiCard title="Items to reorder" isPending={isPending} error={error}>
      <Typography variant="h3" color={data?.count ? 'warning.main' : undefined}>{data?.count ?? 0}</Typography>
    </KpiCard>
  );
}
