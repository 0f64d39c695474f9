import { QueryTypes } from 'sequelize';
import type { ModuleContext } from '../../../server/host/types.js';

/** The facility's service points. Inserted once by code: an administrator's edits stay. */
export const BASE_CLINICS = [
  { code: 'GOPD', name: 'General outpatient', department: 'outpatient', tokenPrefix: 'A', opensAt: '08:00', closesAt: '17:00', openDays: [1, 2, 3, 4, 5, 6] },
  { code: 'DENT', name: 'Dental clinic', department: 'dental', tokenPrefix: 'D', opensAt: '08:00', closesAt: '16:00', openDays: [1, 2, 3, 4, 5] },
  { code: 'MCH', name: 'Maternal and child health', department: 'mch', tokenPrefix: 'M', opensAt: '08:00', closesAt: '13:00', openDays: [1, 2, 3, 4, 5] },
];

export async function seedClinics({ sequelize }: ModuleContext) {
  // The server's zone is the facility's on a fresh install; an administrator may change it.
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  for (const c of BASE_CLINICS) {
    await sequelize.query(
      `INSERT INTO clinics (code, name, department, token_prefix, time_zone, opens_at, closes_at, open_days)
       VALUES (:code, :name, :department, :tokenPrefix, :timeZone, :opensAt, :closesAt, :openDays::int[])
       ON CONFLICT (code) DO NOTHING`,
      { type: QueryTypes.INSERT, replacements: { ...c, timeZone, openDays: `{${c.openDays.join(',')}}` } },
    );
  }
}
