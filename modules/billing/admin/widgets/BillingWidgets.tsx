/** Billing dashboards: revenue by department, money by payment method, receivables by age. */
import { BarChart } from '@mui/x-charts/BarChart';
import { PieChart } from '@mui/x-charts/PieChart';
import { KpiCard, useKpi } from '../../../../admin/kit.js';

interface Revenue { day: string; department: string; amount: number }

export function RevenueByDepartment() {
  const { data, isPending, error } = useKpi<Revenue[]>('billing-revenue-per-day');
  const days = [...new Set((data ?? []).map((r) => String(r.day).slice(5, 10)))];
  const departments = [...new Set((data ?? []).map((r) => r.department))];
  const series = departments.map((dep) => ({
    label: dep,
    stack: 'revenue',
    data: days.map((d) => (data ?? []).filter((r) => r.department === dep && String(r.day).slice(5, 10) === d).reduce((s, r) => s + r.amount / 100, 0)),
  }));
  return (
    <KpiCard title="Revenue per day by department" isPending={isPending} error={error} testId="widget-billing-revenue">
      {data && <BarChart height={240} xAxis={[{ scaleType: 'band', data: days }]} series={series} />}
    </KpiCard>
  );
}

export function PaymentMethods() {
  const { data, isPending, error } = useKpi<{ method: string; amount: number }[]>('billing-payment-methods');
  return (
    <KpiCard title="Money taken by method (30 days)" isPending={isPending} error={error} testId="widget-billing-methods">
      {data && <PieChart height={240} series={[{ data: data.map((m, i) => ({ id: i, label: m.method, value: m.amount / 100 })) }]} />}
    </KpiCard>
  );
}

export function ReceivablesAging() {
  const { data, isPending, error } = useKpi<{ band: string; patients: number; insurers: number }[]>('billing-receivables-aging');
  return (
    <KpiCard title="Outstanding receivables by age (days)" isPending={isPending} error={error} testId="widget-billing-aging">
      {data && (
        <BarChart
          height={240}
          xAxis={[{ scaleType: 'band', data: data.map((b) => b.band) }]}
          series={[{ label: 'Patients', data: data.map((b) => b.patients / 100) }, { label: 'Insurers', data: data.map((b) => b.insurers / 100) }]}
        />
      )}
    </KpiCard>
  );
}
