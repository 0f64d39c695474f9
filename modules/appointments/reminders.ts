/**
 * The day-before reminder (job `appointments.send-reminders`, daily): every booked appointment
 * that falls tomorrow in its clinic's time zone gets one e-mail. It goes through the
 * `notifications` service when a module provides one; otherwise the message is recorded in
 * `appointment_reminders` with status `recorded`, so nothing is lost and nothing is sent twice.
 */
import { QueryTypes } from 'sequelize';
import type { ModuleContext } from '../../server/host/types.js';

/** The part of the notifications service this job needs. */
interface Notifications {
  send(message: { email: string; subject: string; body: string; source?: { resource: string; id: string } }): Promise<unknown>;
}

interface Due {
  id: string;
  email: string | null;
  givenName: string;
  clinicName: string;
  providerName: string;
  localStart: string;
}

export async function sendReminders(ctx: ModuleContext, opts: { now?: Date } = {}) {
  const { sequelize, services, logger } = ctx;
  const notifications = services.provided.has('notifications') ? services.get<Notifications>('notifications') : null;
  const due = await sequelize.query<Due>(
    `SELECT a.id, p.email, p.given_name AS "givenName", c.name AS "clinicName", u.name AS "providerName",
            to_char(a.start_at AT TIME ZONE c.time_zone, 'Dy DD Mon YYYY "at" HH24:MI') AS "localStart"
       FROM appointments a
       JOIN clinics c ON c.id = a.clinic_id
       JOIN patients p ON p.id = a.patient_id
       JOIN users u ON u.id = a.provider_id
      WHERE a.status = 'booked'
        AND (a.start_at AT TIME ZONE c.time_zone)::date = (:now::timestamptz AT TIME ZONE c.time_zone)::date + 1
        AND NOT EXISTS (SELECT 1 FROM appointment_reminders r WHERE r.appointment_id = a.id AND r.channel = 'email')
      ORDER BY a.start_at`,
    { type: QueryTypes.SELECT, replacements: { now: (opts.now ?? new Date()).toISOString() } },
  );
  const summary = { due: due.length, sent: 0, recorded: 0, skipped: 0 };
  for (const a of due) {
    const subject = `Reminder: your appointment at ${a.clinicName} tomorrow`;
    const body = `Dear ${a.givenName},\n\nThis is a reminder of your appointment at ${a.clinicName} with ${a.providerName} on ${a.localStart}.\nPlease arrive 15 minutes early and bring your patient card. If you cannot come, please call us so that someone else can have the slot.\n`;
    const status = !a.email ? 'skipped' : notifications ? 'sent' : 'recorded';
    await sequelize.transaction(async () => {
      await sequelize.query(
        `INSERT INTO appointment_reminders (appointment_id, recipient, subject, body, status, reason)
         VALUES (:id, :email, :subject, :body, :status, :reason) ON CONFLICT DO NOTHING`,
        {
          replacements: {
            id: a.id,
            email: a.email,
            subject,
            body,
            status,
            reason: status === 'skipped' ? 'the patient has no e-mail address' : status === 'recorded' ? 'no notifications service is installed' : null,
          },
        },
      );
      if (status === 'sent') await notifications!.send({ email: a.email!, subject, body, source: { resource: 'appointments', id: a.id } });
    });
    summary[status]++;
  }
  logger.info(summary, 'appointment reminders');
  return summary;
}
