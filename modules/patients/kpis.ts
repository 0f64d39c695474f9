import { QueryTypes } from 'sequelize';
import { countPerDay } from '../../server/db/kpi-queries.js';
import type { KpiDefinition } from '../../server/host/types.js';

export const kpis: KpiDefinition[] = [
  {
    id: 'patients-registrations-per-day',
    label: 'Registrations per day (30 days)',
    resource: 'patients',
    compute: ({ sequelize }) => countPerDay(sequelize, 'patients', 'created_at'),
  },
  {
    id: 'patients-by-sex-and-age',
    label: 'Active patients by sex and age band',
    resource: 'patients',
    async compute({ sequelize }) {
      return sequelize.query(
        `SELECT sex,
                CASE WHEN a < 5 THEN '0-4' WHEN a < 15 THEN '5-14' WHEN a < 25 THEN '15-24'
                     WHEN a < 45 THEN '25-44' WHEN a < 65 THEN '45-64' ELSE '65+' END AS "ageBand",
                count(*)::int AS count
           FROM (SELECT sex, extract(year FROM age(birth_date))::int AS a FROM patients WHERE status = 'active') t
          GROUP BY 1, 2 ORDER BY 2, 1`,
        { type: QueryTypes.SELECT },
      );
    },
  },
  {
    id: 'patients-total-active',
    label: 'Active patients',
    resource: 'patients',
    async compute({ sequelize }) {
      const [row] = await sequelize.query<{ total: number }>(`SELECT count(*)::int AS total FROM patients WHERE status = 'active'`, { type: QueryTypes.SELECT });
      return row;
    },
  },
];
