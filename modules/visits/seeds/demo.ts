import { QueryTypes } from 'sequelize';
import type { ModuleContext } from '../../../server/host/types.js';
import type { AppointmentsService } from '../../appointments/service.js';
import { prepareCheckIn } from '../check-in.js';

/** This morning in general outpatient: three booked patients checked in, one called, one walk-in. */
export async function seedDemoVisits({ sequelize, models, services }: ModuleContext, progress: (d: number, t: number) => void) {
  const { Visit } = models;
  const appointments = services.get<AppointmentsService>('appointments');
  const clinic = await appointments.clinicByCode('GOPD');
  if (!clinic) return;
  const booked = await sequelize.query<{ id: string; patientId: string }>(
    `SELECT a.id, a.patient_id AS "patientId" FROM appointments a JOIN clinics c ON c.id = a.clinic_id
      WHERE a.clinic_id = :clinicId AND a.status = 'booked' AND (a.start_at AT TIME ZONE c.time_zone)::date = :today::date
      ORDER BY a.start_at LIMIT 3`,
    { type: QueryTypes.SELECT, replacements: { clinicId: clinic.id, today: clinic.today } },
  );
  const [walkIn] = await sequelize.query<{ id: string }>(
    `SELECT id FROM patients WHERE status = 'active' AND id NOT IN (SELECT patient_id FROM appointments) ORDER BY created_at LIMIT 1`,
    { type: QueryTypes.SELECT },
  );
  const arrivals: { patientId: string; appointmentId?: string; clinicId?: string }[] = [...booked.map((b) => ({ patientId: b.patientId, appointmentId: b.id })), ...(walkIn ? [{ patientId: walkIn.id, clinicId: clinic.id }] : [])];
  for (const [i, a] of arrivals.entries()) {
    await sequelize.transaction(async () => {
      const data = await prepareCheckIn(sequelize, appointments, {}, a);
      await Visit.create({
        ...data,
        ...(i === 0 ? { queueStatus: 'called', calledAt: new Date() } : {}),
        ...(!a.appointmentId ? { priority: 'urgent' } : {}),
      });
    });
    progress(i + 1, arrivals.length);
  }
}
