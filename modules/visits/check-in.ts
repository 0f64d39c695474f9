/**
 * Check-in: a visit with the next token of its clinic's day. The counter row for (clinic, day)
 * is incremented in the check-in's transaction, so numbers are gap-free (a failed check-in
 * rolls its number back) and concurrent check-ins wait on the row instead of sharing a number.
 */
import { QueryTypes, type Sequelize } from 'sequelize';
import type { RequestContext } from '../../server/http/context.js';
import { Conflict, Invalid } from '../../server/http/errors.js';
import type { AppointmentsService } from '../appointments/service.js';

export interface CheckInInput {
  patientId: string;
  clinicId?: string;
  appointmentId?: string;
  notes?: string | null;
}

export const formatToken = (prefix: string, n: number) => `${prefix}-${String(n).padStart(3, '0')}`;

export async function prepareCheckIn(sequelize: Sequelize, appointments: AppointmentsService, ctx: RequestContext, input: CheckInInput) {
  const q = <T extends object>(sql: string, replacements: Record<string, unknown>) => sequelize.query<T>(sql, { type: QueryTypes.SELECT, replacements });
  const [patient] = await q<{ status: string }>(`SELECT status FROM patients WHERE id = :id`, { id: input.patientId });
  if (!patient) throw new Invalid('Unknown patient', { patientId: 'no such patient' });
  if (patient.status !== 'active') throw new Conflict(`This patient's record is ${patient.status}`, {}, { patientId: `the patient is ${patient.status}` });

  let clinicId = input.clinicId;
  let providerId: string | null = null;
  if (input.appointmentId) {
    const booked = await appointments.checkIn(ctx, input.appointmentId, input.patientId);
    if (clinicId && clinicId !== booked.clinicId) throw new Invalid('The appointment is in another clinic', { clinicId: 'differs from the appointment\'s clinic' });
    clinicId = booked.clinicId;
    providerId = booked.providerId;
  }
  const clinic = await appointments.clinic(clinicId!);
  if (!clinic) throw new Invalid('Unknown clinic', { clinicId: 'no such clinic' });
  if (!clinic.active) throw new Conflict(`${clinic.name} is closed`, {}, { clinicId: 'the clinic is not active' });

  const [queued] = await q<{ token: string }>(
    `SELECT token FROM visits WHERE patient_id = :patientId AND clinic_id = :clinicId AND queue_date = :today
        AND queue_status IN ('waiting', 'called', 'in-consultation')`,
    { patientId: input.patientId, clinicId: clinic.id, today: clinic.today },
  );
  if (queued) throw new Conflict(`The patient is already in the ${clinic.name} queue with token ${queued.token}`, { token: queued.token }, { patientId: 'already in this queue' });

  const [counter] = await q<{ n: number }>(
    `INSERT INTO visit_token_counters (clinic_id, queue_date, last_number) VALUES (:clinicId, :today, 1)
     ON CONFLICT (clinic_id, queue_date) DO UPDATE SET last_number = visit_token_counters.last_number + 1
     RETURNING last_number AS n`,
    { clinicId: clinic.id, today: clinic.today },
  );
  return {
    patientId: input.patientId,
    clinicId: clinic.id,
    appointmentId: input.appointmentId ?? null,
    providerId,
    notes: input.notes ?? null,
    queueDate: clinic.today,
    tokenNumber: counter.n,
    token: formatToken(clinic.tokenPrefix, counter.n),
    queueStatus: 'waiting',
    priority: 'routine',
    arrivedAt: new Date(),
  };
}
