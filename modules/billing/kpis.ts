import { QueryTypes } from 'sequelize';
import type { KpiDefinition } from '../../server/host/types.js';

const days = (q: Record<string, string>) => Math.min(Math.max(Number.parseInt(q.days ?? '30', 10) || 30, 1), 366);

export const kpis: KpiDefinition[] = [
  {
    id: 'billing-revenue-per-day',
    label: 'Revenue per day by department (billed, minor units)',
    resource: 'invoices',
    async compute({ sequelize }, q) {
      return sequelize.query(
        `SELECT l.service_date AS day, l.department, sum(l.amount)::int AS amount
           FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id
          WHERE l.status = 'active' AND i.status <> 'void' AND l.service_date > current_date - :days
          GROUP BY 1, 2 ORDER BY 1, 2`,
        { type: QueryTypes.SELECT, replacements: { days: days(q) } },
      );
    },
  },
  {
    id: 'billing-payment-methods',
    label: 'Money taken by payment method, net of refunds',
    resource: 'payments',
    async compute({ sequelize }, q) {
      return sequelize.query(
        `SELECT method, count(*) FILTER (WHERE kind = 'payment')::int AS payments, sum(amount)::int AS amount
           FROM payments WHERE received_at > now() - make_interval(days => :days)
          GROUP BY method ORDER BY method`,
        { type: QueryTypes.SELECT, replacements: { days: days(q) } },
      );
    },
  },
  {
    id: 'billing-receivables-aging',
    label: 'Outstanding receivables by age (patients and insurers)',
    resource: 'invoices',
    async compute({ sequelize }) {
      return sequelize.query(
        `SELECT b.band,
                coalesce(sum(greatest(i.patient_share - i.patient_paid, 0)), 0)::int AS patients,
                coalesce(sum(greatest(i.insurer_share - i.insurer_paid, 0)), 0)::int AS insurers,
                count(i.id)::int AS invoices
           FROM (VALUES (1, '0-30', 0, 30), (2, '31-60', 31, 60), (3, '61-90', 61, 90), (4, '90+', 91, 100000)) b(ord, band, lo, hi)
           LEFT JOIN invoices i ON i.status IN ('issued', 'partially-paid', 'paid')
                AND (i.patient_share > i.patient_paid OR i.insurer_share > i.insurer_paid)
                AND (current_date - i.issued_at::date) BETWEEN b.lo AND b.hi
          GROUP BY b.ord, b.band ORDER BY b.ord`,
        { type: QueryTypes.SELECT },
      );
    },
  },
];
