import { QueryTypes } from 'sequelize';
import type { KpiDefinition } from '../../server/host/types.js';

export const kpis: KpiDefinition[] = [
  {
    id: 'clinical-encounters-per-day',
    label: 'Encounters per day (30 days)',
    resource: 'encounters',
    async compute({ sequelize }) {
      return sequelize.query(
        `SELECT d::date AS day, count(e.id)::int AS count
           FROM generate_series(current_date - 29, current_date, interval '1 day') d
           LEFT JOIN encounters e ON e.started_at >= d AND e.started_at < d + interval '1 day'
          GROUP BY d ORDER BY d`,
        { type: QueryTypes.SELECT },
      );
    },
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
