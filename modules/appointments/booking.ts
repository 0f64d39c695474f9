/**
 * The booking rules: an appointment fills one slot of its provider's weekly session in the
 * clinic's own time zone, and a provider's slot holds one live appointment. The checks here
 * give the reason for a refusal; the unique index on (provider_id, start_at) is the backstop.
 */
import { QueryTypes, type Sequelize } from 'sequelize';
import { Conflict, Invalid } from '../../server/http/errors.js';

type Row = Record<string, any>;
const WEEKDAYS = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
export const LIVE_STATUSES = ['booked', 'checked-in', 'completed'];

export interface ProviderSlots {
  providerId: string;
  providerName: string;
  slots: { startAt: string; endAt: string }[];
}

export async function checkBookable(sequelize: Sequelize, data: { patientId: string; clinicId: string; providerId: string; startAt: string }) {
  const q = <T extends Row>(sql: string, replacements: Row) => sequelize.query<T>(sql, { type: QueryTypes.SELECT, replacements });
  const [clinic] = await q(
    `SELECT id, name, time_zone AS "timeZone", active,
            to_char(:startAt::timestamptz AT TIME ZONE time_zone, 'YYYY-MM-DD HH24:MI') AS "localStart",
            extract(isodow FROM :startAt::timestamptz AT TIME ZONE time_zone)::int AS weekday
       FROM clinics WHERE id = :clinicId`,
    data,
  );
  if (!clinic) throw new Invalid('Unknown clinic', { clinicId: 'no such clinic' });
  if (!clinic.active) throw new Conflict(`${clinic.name} is closed to bookings`, {}, { clinicId: 'the clinic is not active' });
  const [patient] = await q(`SELECT status FROM patients WHERE id = :patientId`, data);
  if (!patient) throw new Invalid('Unknown patient', { patientId: 'no such patient' });
  if (patient.status !== 'active') throw new Conflict(`This patient's record is ${patient.status}; book on the active record`, {}, { patientId: `the patient is ${patient.status}` });
  if (new Date(data.startAt).getTime() < Date.now()) throw new Invalid('The slot has already passed', { startAt: 'must be in the future' });

  // Concurrent bookings for one provider queue up here, so the second one gets the reason below
  // rather than the bare unique-index violation.
  await sequelize.query(`SELECT pg_advisory_xact_lock(hashtext('appointments:' || :providerId))`, { replacements: data });

  const sessions = await q(
    `SELECT s.id, s.slot_minutes AS "slotMinutes", to_char(s.start_time, 'HH24:MI') AS "startTime", to_char(s.end_time, 'HH24:MI') AS "endTime",
            (:startAt::timestamptz AT TIME ZONE c.time_zone)::time >= s.start_time
              AND s.end_time - (:startAt::timestamptz AT TIME ZONE c.time_zone)::time >= make_interval(mins => s.slot_minutes) AS inside,
            extract(epoch FROM (:startAt::timestamptz AT TIME ZONE c.time_zone)::time - s.start_time)::int % (s.slot_minutes * 60) = 0 AS aligned
       FROM provider_schedules s JOIN clinics c ON c.id = s.clinic_id
      WHERE s.clinic_id = :clinicId AND s.provider_id = :providerId AND s.active AND s.weekday = :weekday
      ORDER BY s.start_time`,
    { ...data, weekday: clinic.weekday },
  );
  const day = WEEKDAYS[clinic.weekday];
  const session = sessions.find((s) => s.inside);
  if (!session) {
    const offered = sessions.map((s) => `${s.startTime}-${s.endTime}`).join(', ');
    throw new Conflict(
      offered
        ? `${clinic.localStart} is outside the provider's sessions in ${clinic.name} on ${day} (${offered})`
        : `The provider has no session in ${clinic.name} on ${day}`,
      { reason: 'outside-schedule' },
      { startAt: 'outside the provider\'s schedule' },
    );
  }
  if (!session.aligned) {
    throw new Conflict(
      `Appointments in this session start every ${session.slotMinutes} minutes from ${session.startTime}`,
      { reason: 'off-grid' },
      { startAt: `not on the ${session.slotMinutes}-minute grid from ${session.startTime}` },
    );
  }
  const endAt = new Date(new Date(data.startAt).getTime() + session.slotMinutes * 60_000).toISOString();
  const overlap = (column: string) =>
    q(
      `SELECT id, to_char(start_at AT TIME ZONE :tz, 'HH24:MI') AS "from", to_char(end_at AT TIME ZONE :tz, 'HH24:MI') AS "to"
         FROM appointments
        WHERE ${column} = :who AND status IN (:live) AND start_at < :endAt AND end_at > :startAt LIMIT 1`,
      { who: column === 'provider_id' ? data.providerId : data.patientId, tz: clinic.timeZone, live: LIVE_STATUSES, startAt: data.startAt, endAt },
    );
  const [taken] = await overlap('provider_id');
  if (taken) {
    throw new Conflict(
      `The provider is already booked from ${taken.from} to ${taken.to} on ${clinic.localStart.slice(0, 10)}`,
      { reason: 'double-booked', conflictingAppointmentId: taken.id },
      { startAt: 'this slot is already booked' },
    );
  }
  const [patientBusy] = await overlap('patient_id');
  if (patientBusy) {
    throw new Conflict(
      `The patient already has an appointment from ${patientBusy.from} to ${patientBusy.to} that day`,
      { reason: 'patient-busy', conflictingAppointmentId: patientBusy.id },
      { startAt: 'the patient already has an appointment at this time' },
    );
  }
  return { endAt };
}

/** Free slots of every provider with a session in the clinic on a local date. */
export async function freeSlots(sequelize: Sequelize, clinicId: string, date: string) {
  const rows = await sequelize.query<Row>(
    `WITH slots AS (
       SELECT s.provider_id, u.name AS provider_name,
              (t AT TIME ZONE c.time_zone) AS start_at,
              ((t + make_interval(mins => s.slot_minutes)) AT TIME ZONE c.time_zone) AS end_at
         FROM provider_schedules s
         JOIN clinics c ON c.id = s.clinic_id
         JOIN users u ON u.id = s.provider_id
         CROSS JOIN LATERAL generate_series(:date::date + s.start_time, :date::date + s.end_time - make_interval(mins => s.slot_minutes),
                                            make_interval(mins => s.slot_minutes)) t
        WHERE s.clinic_id = :clinicId AND s.active AND u.active AND s.weekday = extract(isodow FROM :date::date)
     )
     SELECT provider_id AS "providerId", provider_name AS "providerName", start_at AS "startAt", end_at AS "endAt"
       FROM slots
      WHERE start_at > now()
        AND NOT EXISTS (SELECT 1 FROM appointments a WHERE a.provider_id = slots.provider_id AND a.status IN (:live)
                          AND a.start_at < slots.end_at AND a.end_at > slots.start_at)
      ORDER BY provider_name, start_at`,
    { type: QueryTypes.SELECT, replacements: { clinicId, date, live: LIVE_STATUSES } },
  );
  const byProvider = new Map<string, ProviderSlots>();
  for (const r of rows) {
    const p: ProviderSlots = byProvider.get(r.providerId) ?? { providerId: r.providerId, providerName: r.providerName, slots: [] };
    p.slots.push({ startAt: new Date(r.startAt).toISOString(), endAt: new Date(r.endAt).toISOString() });
    byProvider.set(r.providerId, p);
  }
  return [...byProvider.values()];
}
