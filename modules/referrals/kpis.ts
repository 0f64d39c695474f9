import { QueryTypes } from 'sequelize';
import type { KpiDefinition } from '../../server/host/types.js';

/** Referrals answered (accepted, rejected, completed) in the last `days` (default 90). */
const days = (q: Record<string, string>) => Math.min(Math.max(Number.parseInt(q.days ?? '90', 10) || 90, 1), 3650);

export const kpis: KpiDefinition[] = [
  {
    id: 'referrals-by-destination-and-status',
    label: 'Referrals by destination and status',
    resource: 'referrals',
    async compute({ sequelize }, query) {
      return sequelize.query(
        `SELECT coalesce(f.name, '(not routed)') AS destination, r.status, count(*)::int AS count
           FROM referrals r LEFT JOIN facilities f ON f.id = r.destination_id
          WHERE r.created_at >= now() - make_interval(days => :days)
          GROUP BY 1, 2 ORDER BY 1, 2`,
        { type: QueryTypes.SELECT, replacements: { days: days(query) } },
      );
    },
  },
  {
    id: 'referrals-acceptance-rate',
    label: 'Referral acceptance rate',
    resource: 'referrals',
    async compute({ sequelize }, query) {
      const [row] = await sequelize.query<{ answered: number; accepted: number }>(
        `SELECT count(*)::int AS answered, count(*) FILTER (WHERE status IN ('accepted', 'completed'))::int AS accepted
           FROM referrals WHERE answered_at >= now() - make_interval(days => :days)`,
        { type: QueryTypes.SELECT, replacements: { days: days(query) } },
      );
      return { ...row, rate: row.answered ? Math.round((row.accepted / row.answered) * 1000) / 1000 : null };
    },
  },
  {
    id: 'referrals-median-answer-hours',
    label: 'Median time to an answer (hours)',
    resource: 'referrals',
    async compute({ sequelize }, query) {
      const [row] = await sequelize.query<{ medianHours: number | null; answered: number }>(
        `SELECT round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM answered_at - sent_at)) / 3600)::numeric, 1)::float AS "medianHours",
                count(*)::int AS answered
           FROM referrals WHERE answered_at >= now() - make_interval(days => :days) AND sent_at IS NOT NULL`,
        { type: QueryTypes.SELECT, replacements: { days: days(query) } },
      );
      return row;
    },
  },
];
