import { z } from 'zod';

export const APPOINTMENT_STATUSES = ['booked', 'checked-in', 'no-show', 'cancelled', 'completed'] as const;

const text = (max = 200) => z.string().trim().max(max, `at most ${max} characters`);
const optionalText = (max = 200) => z.preprocess((v) => (v === '' ? null : v), text(max).nullish());
/** Wall-clock time of day as HH:MM (seconds accepted and dropped). */
export const timeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, 'a time as HH:MM')
  .transform((s) => s.slice(0, 5));
const isValidTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};
const weekday = z.number().int('a whole number').min(1, '1 (Monday) to 7 (Sunday)').max(7, '1 (Monday) to 7 (Sunday)');

export const clinicFields = {
  code: z.string().trim().toUpperCase().regex(/^[A-Z0-9][A-Z0-9-]{0,15}$/, '1 to 16 capital letters, digits or dashes'),
  name: text(200).min(1, 'required'),
  department: text(50).min(1, 'required').optional(),
  tokenPrefix: z.string().trim().toUpperCase().regex(/^[A-Z]$/, 'one capital letter'),
  timeZone: text(60).refine(isValidTimeZone, 'a time zone such as Africa/Nairobi').optional(),
  opensAt: timeOfDay.optional(),
  closesAt: timeOfDay.optional(),
  openDays: z.array(weekday).min(1, 'at least one day').max(7).optional(),
  active: z.boolean().optional(),
};
const opensBeforeCloses = (c: { opensAt?: string; closesAt?: string }) => !c.opensAt || !c.closesAt || c.closesAt > c.opensAt;
export const createClinicSchema = z.object(clinicFields).refine(opensBeforeCloses, { message: 'must be after the opening time', path: ['closesAt'] });
export const updateClinicSchema = z.object(clinicFields).partial().refine(opensBeforeCloses, { message: 'must be after the opening time', path: ['closesAt'] });

export const scheduleFields = {
  clinicId: z.uuid('a clinic id'),
  providerId: z.uuid('a user id of a physician'),
  weekday,
  startTime: timeOfDay,
  endTime: timeOfDay,
  slotMinutes: z.number().int('whole minutes').min(5, 'at least 5 minutes').max(240, 'at most 240 minutes'),
  active: z.boolean().optional(),
};
const startsBeforeEnds = (s: { startTime?: string; endTime?: string }) => !s.startTime || !s.endTime || s.endTime > s.startTime;
export const createScheduleSchema = z.object(scheduleFields).refine(startsBeforeEnds, { message: 'must be after the start', path: ['endTime'] });
export const updateScheduleSchema = z
  .object(scheduleFields)
  .omit({ clinicId: true, providerId: true })
  .partial()
  .refine(startsBeforeEnds, { message: 'must be after the start', path: ['endTime'] });

export const bookAppointmentSchema = z.object({
  patientId: z.uuid('a patient id'),
  clinicId: z.uuid('a clinic id'),
  providerId: z.uuid('a user id of a physician'),
  startAt: z.iso.datetime({ offset: true, message: 'a date and time such as 2026-12-01T09:00:00+03:00' }),
  reason: optionalText(500),
});
// Moving a booking is a cancellation and a new booking, so only the reason is editable.
export const updateAppointmentSchema = z.object({ reason: optionalText(500) });

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').refine((s) => !Number.isNaN(Date.parse(s)), 'not a real date');
