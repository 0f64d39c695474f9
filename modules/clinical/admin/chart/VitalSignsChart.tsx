/** Blood pressure, pulse and temperature over time, from the vital signs on the chart's pages. */
import { Typography } from '@mui/material';
import { LineChart } from '@mui/x-charts/LineChart';
import { useTranslate } from 'react-admin';
import type { TimelineItem } from './useChart.js';

const SERIES = [
  { key: 'systolic', label: 'Systolic (mmHg)' },
  { key: 'diastolic', label: 'Diastolic (mmHg)' },
  { key: 'pulse', label: 'Pulse (/min)' },
  { key: 'temperature', label: 'Temperature (°C)' },
  { key: 'spo2', label: 'SpO2 (%)' },
];

export function VitalSignsChart({ items }: { items: TimelineItem[] }) {
  const translate = useTranslate();
  const vitals = items.filter((i) => i.kind === 'vital-signs').sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime());
  if (!vitals.length) return <Typography color="text.secondary">{translate('clinical.no_vitals')}</Typography>;
  const series = SERIES.filter((s) => vitals.some((v) => typeof v[s.key] === 'number')).map((s) => ({
    data: vitals.map((v) => (typeof v[s.key] === 'number' ? v[s.key] : null)),
    label: s.label,
    connectNulls: true,
  }));
  return <LineChart height={280} xAxis={[{ data: vitals.map((v) => new Date(v.at)), scaleType: 'time' }]} series={series} />;
}
