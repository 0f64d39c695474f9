import { QueryTypes } from 'sequelize';
import { z } from 'zod';
import type { KpiDefinition } from '../../server/host/types.js';

const period = z.object({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').optional(),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').optional(),
});

export const kpis: KpiDefinition[] = [
  {
    id: 'visits-wait-times',
    label: 'Waiting times per clinic (minutes: arrival to call, call to done)',
    resource: 'visits',
    async compute({ sequelize }, query) {
      const { from, to } = period.parse(query);
      return sequelize.query(
        `SELECT c.code AS "clinicCode", c.name AS "clinicName",
                count(v.id)::int AS visits,
                count(v.called_at)::int AS called,
                count(*) FILTER (WHERE v.queue_status = 'left')::int AS "leftWithoutBeingSeen",
                round((avg(extract(epoch FROM v.called_at - v.arrived_at)) / 60)::numeric, 1)::float AS "avgArrivalToCall",
                round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM v.called_at - v.arrived_at)) / 60)::numeric, 1)::float AS "medianArrivalToCall",
                round((avg(extract(epoch FROM v.completed_at - v.called_at)) / 60)::numeric, 1)::float AS "avgCallToDone",
                round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM v.completed_at - v.called_at)) / 60)::numeric, 1)::float AS "medianCallToDone"
           FROM clinics c
           JOIN visits v ON v.clinic_id = c.id
                        AND v.queue_date BETWEEN coalesce(:from::date, (now() AT TIME ZONE c.time_zone)::date)
                                             AND coalesce(:to::date, (now() AT TIME ZONE c.time_zone)::date)
          GROUP BY c.id ORDER BY c.code`,
        { type: QueryTypes.SELECT, replacements: { from: from ?? null, to: to ?? null } },
      );
    },
  },
];
