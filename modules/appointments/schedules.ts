import { QueryTypes, type Sequelize } from 'sequelize';
import { Conflict, Invalid } from '../../server/http/errors.js';

/** A session belongs to an active physician and never overlaps another of theirs that weekday. */
export async function checkSession(
  sequelize: Sequelize,
  s: { id?: string; clinicId: string; providerId: string; weekday: number; startTime: string; endTime: string },
) {
  const q = <T extends Record<string, any>>(sql: string) => sequelize.query<T>(sql, { type: QueryTypes.SELECT, replacements: { id: null, ...s } });
  const [clinic] = await q(`SELECT id FROM clinics WHERE id = :clinicId`);
  if (!clinic) throw new Invalid('Unknown clinic', { clinicId: 'no such clinic' });
  const [user] = await q<{ name: string; physician: boolean; active: boolean }>(`SELECT name, 'physician' = ANY(roles) AS physician, active FROM users WHERE id = :providerId`);
  if (!user) throw new Invalid('Unknown provider', { providerId: 'no such user' });
  if (!user.physician || !user.active) throw new Invalid(`${user.name} is not an active physician`, { providerId: 'must be an active user with the physician role' });
  const [clash] = await q<{ name: string; from: string; to: string }>(
    `SELECT c.name, to_char(s.start_time, 'HH24:MI') AS "from", to_char(s.end_time, 'HH24:MI') AS "to"
       FROM provider_schedules s JOIN clinics c ON c.id = s.clinic_id
      WHERE s.provider_id = :providerId AND s.weekday = :weekday AND s.active
        AND (:id::uuid IS NULL OR s.id <> :id::uuid)
        AND s.start_time < :endTime::time AND s.end_time > :startTime::time
      LIMIT 1`,
  );
  if (clash) {
    throw new Conflict(`${user.name} already has a session in ${clash.name} from ${clash.from} to ${clash.to} that day`, {}, { startTime: 'overlaps another session' });
  }
}
