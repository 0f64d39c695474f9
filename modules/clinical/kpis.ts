import { QueryTypes } from 'sequelize';
import { countPerDay } from '../../server/db/kpi-queries.js';
import type { KpiDefinition } from '../../server/host/types.js';

export const kpis: KpiDefinition[] = [
  {
    id: 'clinical-encounters-per-day',
    label: 'Encounters per day (30 days)',
    resource: 'encounters',
    compute: ({ sequelize }) => countPerDay(sequelize, 'encounters', 'started_at'),
  },
  {
    id: 'clinical-top-diagnoses',
    label: 'Top diagnoses (30 days)',
    resource: 'encounter-diagnoses',
    async compute({ sequelize }) {
      return sequelize.query(
        `SELECT d.code, min(d.title) AS title, count(*)::int AS count
           FROM encounter_diagnoses d JOIN encounters e ON e.id = d.encounter_id
          WHERE e.started_at >= current_date - 29 AND d.certainty <> 'ruled-out'
          GROUP BY d.code ORDER BY count DESC, d.code LIMIT 10`,
        { type: QueryTypes.SELECT },
      );
    },
  },
  {
    id: 'clinical-documentation-rate',
    label: 'Documentation rate: encounters with a signed note (30 days)',
    resource: 'encounters',
    async compute({ sequelize }) {
      const [row] = await sequelize.query<{ encounters: number; documented: number }>(
        `SELECT count(*)::int AS encounters,
                count(*) FILTER (WHERE EXISTS (SELECT 1 FROM soap_notes n WHERE n.encounter_id = e.id AND n.signed_at IS NOT NULL))::int AS documented
           FROM encounters e WHERE e.started_at >= current_date - 29`,
        { type: QueryTypes.SELECT },
      );
      return { ...row, rate: row.encounters ? Math.round((row.documented / row.encounters) * 1000) / 1000 : null };
    },
  },
];
