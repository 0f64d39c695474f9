import { QueryTypes } from 'sequelize';
import type { KpiDefinition } from '../../server/host/types.js';

export const kpis: KpiDefinition[] = [
  {
    id: 'imaging-turnaround',
    label: 'Imaging turnaround, order to verified, by priority (30 days)',
    resource: 'imaging-orders',
    compute: ({ sequelize }) =>
      sequelize.query(
        `SELECT priority, count(*)::int AS verified,
                round(avg(extract(epoch FROM verified_at - ordered_at) / 60))::int AS "avgMinutes",
                round(100.0 * count(*) FILTER (WHERE verified_at <= due_at) / count(*))::int AS "withinTargetPct"
           FROM imaging_orders WHERE status = 'verified' AND verified_at >= now() - interval '30 days'
          GROUP BY priority ORDER BY CASE priority WHEN 'stat' THEN 0 WHEN 'urgent' THEN 1 ELSE 2 END`,
        { type: QueryTypes.SELECT },
      ),
  },
  {
    id: 'imaging-overdue',
    label: 'Imaging orders past their target (STAT first)',
    resource: 'imaging-orders',
    async compute({ sequelize }) {
      const orders = await sequelize.query<{ priority: string }>(
        `SELECT id, order_number AS "orderNumber", priority, status, due_at AS "dueAt", round(extract(epoch FROM now() - due_at) / 60)::int AS "minutesOverdue"
           FROM imaging_orders WHERE status NOT IN ('verified', 'cancelled') AND due_at < now()
          ORDER BY CASE priority WHEN 'stat' THEN 0 WHEN 'urgent' THEN 1 ELSE 2 END, due_at LIMIT 50`,
        { type: QueryTypes.SELECT },
      );
      return { stat: orders.filter((o) => o.priority === 'stat').length, total: orders.length, orders: orders.slice(0, 10) };
    },
  },
  {
    id: 'imaging-by-modality',
    label: 'Imaging studies performed by modality (30 days)',
    resource: 'imaging-orders',
    compute: ({ sequelize }) =>
      sequelize.query(
        `SELECT s.modality, count(*)::int AS count FROM imaging_orders o JOIN imaging_studies s ON s.id = o.study_id
          WHERE o.performed_at >= now() - interval '30 days' GROUP BY 1 ORDER BY 2 DESC`,
        { type: QueryTypes.SELECT },
      ),
  },
];
