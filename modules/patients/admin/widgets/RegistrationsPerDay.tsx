import { BarChart } from '@mui/x-charts/BarChart';
import { useLocaleState, useTranslate } from 'react-admin';
import { KpiCard, useKpi } from '../../../../admin/kit.js';
import { shortDay, type DayCount } from './kpiData.js';

export function RegistrationsPerDay() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, isPending, error } = useKpi<DayCount[]>('patients-registrations-per-day');
  return (
    <KpiCard title={translate('patients.widgets.registrations')} isPending={isPending} error={error} testId="widget-patients-registrations">
      {data && (
        <BarChart
          height={240}
          xAxis={[{ scaleType: 'band', data: data.map((d) => shortDay(d.day, locale)), tickLabelStyle: { fontSize: 10 } }]}
          series={[{ data: data.map((d) => d.count), label: translate('patients.widgets.count'), color: '#00897b' }]}
          hideLegend
        />
      )}
    </KpiCard>
  );
}
