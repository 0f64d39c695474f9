import { QueryTypes } from 'sequelize';
import type { KpiDefinition } from '../../server/host/types.js';

export const kpis: KpiDefinition[] = [
  {
    id: 'lab-turnaround',
    label: 'Lab turnaround, order to verified, by priority (30 days)',
    resource: 'lab-orders',
    compute: ({ sequelize }) =>
      sequelize.query(
        `SELECT priority, count(*)::int AS verified,
                round(avg(extract(epoch FROM verified_at - ordered_at) / 60))::int AS "avgMinutes",
                round((percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM verified_at - ordered_at) / 60))::numeric)::int AS "p90Minutes",
                round(100.0 * count(*) FILTER (WHERE verified_at <= due_at) / count(*))::int AS "withinTargetPct"
           FROM lab_orders WHERE status = 'verified' AND verified_at >= now() - interval '30 days'
          GROUP BY priority ORDER BY CASE priority WHEN 'stat' THEN 0 WHEN 'urgent' THEN 1 ELSE 2 END`,
        { type: QueryTypes.SELECT },
      ),
  },
  {
    id: 'lab-overdue',
    label: 'Lab orders past their turnaround target (STAT first)',
    resource: 'lab-orders',
    async compute({ sequelize }) {
      const orders = await sequelize.query<{ priority: string }>(
        `SELECT id, order_number AS "orderNumber", priority, status, ordered_at AS "orderedAt", due_at AS "dueAt",
                round(extract(epoch FROM now() - due_at) / 60)::int AS "minutesOverdue"
           FROM lab_orders WHERE status NOT IN ('verified', 'cancelled') AND due_at < now()
          ORDER BY CASE priority WHEN 'stat' THEN 0 WHEN 'urgent' THEN 1 ELSE 2 END, due_at LIMIT 50`,
        { type: QueryTypes.SELECT },
      );
      return { stat: orders.filter((o) => o.priority === 'stat').length, total: orders.length, orders: orders.slice(0, 10) };
    },
  },
  {
    id: 'lab-worklist',
    label: 'Lab orders open, by status and priority',
    resource: 'lab-orders',
    compute: ({ sequelize }) =>
      sequelize.query(
        `SELECT status, priority, count(*)::int AS count FROM lab_orders WHERE status NOT IN ('verified', 'cancelled') GROUP BY 1, 2 ORDER BY 1, 2`,
        { type: QueryTypes.SELECT },
      ),
  },
  {
    id: 'lab-critical-unacknowledged',
    label: 'Critical results not yet acknowledged',
    resource: 'lab-results',
    async compute({ sequelize }) {
      const [row] = await sequelize.query(
        `SELECT count(*)::int AS count, count(*) FILTER (WHERE critical_escalated_at IS NOT NULL)::int AS escalated
           FROM lab_results WHERE flag IN ('LL', 'HH') AND critical_acknowledged_at IS NULL AND status <> 'cancelled'`,
        { type: QueryTypes.SELECT },
      );
      return row;
    },
  },
];
