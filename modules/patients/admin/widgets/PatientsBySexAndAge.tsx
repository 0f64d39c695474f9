import { BarChart } from '@mui/x-charts/BarChart';
import { useTranslate } from 'react-admin';
import { KpiCard, useKpi } from '../../../../admin/kit.js';
import { AGE_BANDS, sexAgeSeries, type SexAgeCount } from './kpiData.js';

const COLORS: Record<string, string> = { female: '#ad1457', male: '#1565c0', other: '#6a1b9a', unknown: '#757575' };

export function PatientsBySexAndAge() {
  const translate = useTranslate();
  const { data, isPending, error } = useKpi<SexAgeCount[]>('patients-by-sex-and-age');
  return (
    <KpiCard title={translate('patients.widgets.by_sex_age')} isPending={isPending} error={error} testId="widget-patients-by-sex-age">
      {data && (
        <BarChart
          height={240}
          xAxis={[{ scaleType: 'band', data: AGE_BANDS }]}
          series={sexAgeSeries(data).map((s) => ({ data: s.data, label: translate(`patients.sex.${s.sex}`, { _: s.sex }), color: COLORS[s.sex] }))}
        />
      )}
    </KpiCard>
  );
}
