import { QueryTypes } from 'sequelize';
import type { ModuleContext } from '../../../server/host/types.js';

const SESSION = { startTime: '08:00', endTime: '17:00', slotMinutes: 15 };

/** The demo physician holds daily sessions in general outpatient and has six bookings today. */
export async function seedDemoAppointments({ sequelize, models }: ModuleContext, progress: (d: number, t: number) => void) {
  const { ProviderSchedule, Appointment } = models;
  const q = <T extends object>(sql: string, replacements: Record<string, unknown> = {}) => sequelize.query<T>(sql, { type: QueryTypes.SELECT, replacements });
  const [doctor] = await q<{ id: string }>(`SELECT id FROM users WHERE email = 'physician@healthcare.com'`);
  const [clinic] = await q<{ id: string; today: string }>(`SELECT id, to_char(now() AT TIME ZONE time_zone, 'YYYY-MM-DD') AS today FROM clinics WHERE code = 'GOPD'`);
  if (!doctor || !clinic) return;
  await sequelize.transaction(async () => {
    for (let weekday = 1; weekday <= 7; weekday++) {
      await ProviderSchedule.create({ clinicId: clinic.id, providerId: doctor.id, weekday, ...SESSION });
    }
  });
  const patients = await q<{ id: string }>(`SELECT id FROM patients WHERE status = 'active' ORDER BY created_at LIMIT 6`);
  const slots = await q<{ startAt: Date }>(
    `SELECT (( :today::date + time '09:00' + make_interval(mins => 15 * n)) AT TIME ZONE c.time_zone) AS "startAt"
       FROM clinics c, generate_series(0, :n - 1) n WHERE c.id = :clinicId`,
    { today: clinic.today, clinicId: clinic.id, n: patients.length },
  );
  for (const [i, p] of patients.entries()) {
    const startAt = new Date(slots[i].startAt);
    await Appointment.create({
      patientId: p.id,
      clinicId: clinic.id,
      providerId: doctor.id,
      startAt,
      endAt: new Date(startAt.getTime() + SESSION.slotMinutes * 60_000),
      reason: i % 2 ? 'Follow-up' : 'New complaint',
    });
    progress(i + 1, patients.length);
  }
}
