/** Dashboard widgets: consultations per day, documentation rate and the month's top diagnoses. */
import { List, ListItem, ListItemText, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { KpiCard, useKpi } from '../../../admin/kit.js';

export function EncountersPerDay() {
  const { data, isPending, error } = useKpi<{ day: string; count: number }[]>('clinical-encounters-per-day');
  return (
    <KpiCard title="Encounters per day" isPending={isPending} error={error}>
      <BarChart height={220} xAxis={[{ scaleType: 'band', data: (data ?? []).map((d) => d.day.slice(5, 10)) }]} series={[{ data: (data ?? []).map((d) => d.count) }]} />
    </KpiCard>
  );
}

export function DocumentationRate() {
  const { data, isPending, error } = useKpi<{ encounters: number; documented: number; rate: number | null }>('clinical-documentation-rate');
  return (
    <KpiCard title="Documentation rate (30 days)" isPending={isPending} error={error}>
      <Typography variant="h3">{data?.rate == null ? '—' : `${Math.round(data.rate * 100)} %`}</Typography>
      <Typography color="text.secondary">
        {data?.documented ?? 0} / {data?.encounters ?? 0} encounters with a signed note
      </Typography>
    </KpiCard>
  );
}

export function TopDiagnoses() {
  const { data, isPending, error } = useKpi<{ code: string; title: string; count: number }[]>('clinical-top-diagnoses');
  return (
    <KpiCard title="Top diagnoses (30 days)" isPending={isPending} error={error}>
      <List dense>
        {(data ?? []).map((d) => (
          <ListItem key={d.code} secondaryAction={d.count}>
            <ListItemText primary={`${d.code} ${d.title}`} />
          </ListItem>
        ))}
      </List>
    </KpiCard>
  );
}
