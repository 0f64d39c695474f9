/**
 * What the appointments module offers its dependants (`services.get('appointments')`): the
 * visits module moves a booking through check-in and completion without touching its table.
 * Every call runs in the caller's transaction and writes its own audit row.
 */
import type { ModelStatic, Model } from 'sequelize';
import { QueryTypes, type Sequelize } from 'sequelize';
import type { AuditService } from '../../server/audit/audit.js';
import type { RequestContext } from '../../server/http/context.js';
import { Conflict, Invalid } from '../../server/http/errors.js';

export interface AppointmentsService {
  /** Marks a booked appointment of this patient, due today in its clinic, as checked in; returns its clinic. */
  checkIn(ctx: RequestContext, appointmentId: string, patientId: string): Promise<{ clinicId: string; providerId: string }>;
  complete(ctx: RequestContext, appointmentId: string): Promise<void>;
  /** The clinic's code, name, department, token prefix and today's date in its time zone. */
  clinic(clinicId: string): Promise<ClinicInfo | null>;
  clinicByCode(code: string): Promise<ClinicInfo | null>;
  /** Clinics where the user holds an active session (the queues a physician works in). */
  clinicsOf(userId: string): Promise<string[]>;
}

export interface ClinicInfo {
  id: string;
  code: string;
  name: string;
  department: string;
  tokenPrefix: string;
  active: boolean;
  today: string;
}

export function appointmentsService(sequelize: Sequelize, Appointment: ModelStatic<Model>, audit: AuditService): AppointmentsService {
  const clinicQuery = (where: string, replacements: Record<string, string>) =>
    sequelize
      .query<ClinicInfo>(
        `SELECT id, code, name, department, token_prefix AS "tokenPrefix", active,
                to_char(now() AT TIME ZONE time_zone, 'YYYY-MM-DD') AS today
           FROM clinics WHERE ${where}`,
        { type: QueryTypes.SELECT, replacements },
      )
      .then((rows) => rows[0] ?? null);

  const move = async (ctx: RequestContext, appointment: Model, to: string) => {
    const before = appointment.get('status');
    await appointment.update({ status: to, updatedBy: ctx.user?.id ?? null });
    await audit.record(ctx, { action: to, resource: 'appointments', recordId: String(appointment.get('id')), before: { status: before }, after: { status: to } });
  };

  return {
    async checkIn(ctx, appointmentId, patientId) {
      const appointment = await Appointment.findByPk(appointmentId, { lock: true });
      if (!appointment) throw new Invalid('Unknown appointment', { appointmentId: 'no such appointment' });
      if (appointment.get('patientId') !== patientId) throw new Invalid('This appointment is for another patient', { appointmentId: 'belongs to another patient' });
      const status = appointment.get('status') as string;
      if (status !== 'booked') throw new Conflict(`This appointment is ${status}; only a booked appointment can be checked in`, { status });
      const clinic = await clinicQuery('id = :id', { id: String(appointment.get('clinicId')) });
      const [due] = await sequelize.query<{ today: boolean }>(
        `SELECT to_char(:startAt::timestamptz AT TIME ZONE c.time_zone, 'YYYY-MM-DD') = :today AS today FROM clinics c WHERE c.id = :clinicId`,
        { type: QueryTypes.SELECT, replacements: { startAt: (appointment.get('startAt') as Date).toISOString(), today: clinic!.today, clinicId: clinic!.id } },
      );
      if (!due.today) throw new Conflict('This appointment is not for today', {}, { appointmentId: 'is on another day' });
      await move(ctx, appointment, 'checked-in');
      return { clinicId: clinic!.id, providerId: String(appointment.get('providerId')) };
    },
    async complete(ctx, appointmentId) {
      const appointment = await Appointment.findByPk(appointmentId, { lock: true });
      if (appointment?.get('status') === 'checked-in') await move(ctx, appointment, 'completed');
    },
    clinic: (id) => clinicQuery('id = :id', { id }),
    clinicByCode: (code) => clinicQuery('code = :code', { code }),
    async clinicsOf(userId) {
      const rows = await sequelize.query<{ clinicId: string }>(
        `SELECT DISTINCT clinic_id AS "clinicId" FROM provider_schedules WHERE provider_id = :userId AND active`,
        { type: QueryTypes.SELECT, replacements: { userId } },
      );
      return rows.map((r) => r.clinicId);
    },
  };
}
