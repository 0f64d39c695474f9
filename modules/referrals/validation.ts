import { z } from 'zod';

export const URGENCIES = ['routine', 'urgent', 'emergency'] as const;
export const LEVELS = ['primary', 'secondary', 'tertiary', 'specialist'] as const;
export const STATUSES = ['draft', 'pending_approval', 'sent', 'accepted', 'rejected', 'completed'] as const;

const text = (max: number) => z.string().trim().max(max, `at most ${max} characters`);
const optionalText = (max: number) => z.preprocess((v) => (v === '' ? null : v), text(max).nullish());
const specialty = z.string().trim().toLowerCase().regex(/^[a-z][a-z -]{1,49}$/, 'a specialty such as cardiology');
const isoDateTime = z.iso.datetime({ offset: true, message: 'a date and time such as 2026-03-01T09:30:00Z' });

export const facilityFields = {
  code: z.string().trim().toUpperCase().regex(/^[A-Z0-9-]{2,20}$/, '2 to 20 capital letters, digits or dashes'),
  name: text(200).min(1, 'required'),
  level: z.enum(LEVELS, { message: `one of ${LEVELS.join(', ')}` }),
  specialties: z.array(specialty).max(50).optional(),
  contactName: optionalText(200),
  phone: z.preprocess((v) => (v === '' ? null : v), z.string().trim().regex(/^\+?[0-9 ()-]{6,20}$/, 'a phone number of 6 to 20 digits').nullish()),
  email: z.preprocess((v) => (v === '' ? null : v), z.string().trim().email('a valid e-mail address').nullish()),
  address: optionalText(300),
  external: z.boolean().optional(),
  active: z.boolean().optional(),
};
export const createFacilitySchema = z.object(facilityFields);
// The code is what routing rules refer to: it never changes.
export const updateFacilitySchema = z.object(facilityFields).omit({ code: true }).partial();

const referralFields = {
  patientId: z.uuid('a patient id'),
  encounterId: z.preprocess((v) => (v === '' ? null : v), z.uuid('an encounter id').nullish()),
  reason: text(1000).min(3, 'say why the patient is referred'),
  clinicalSummary: optionalText(5000),
  specialty,
  urgency: z.enum(URGENCIES, { message: `one of ${URGENCIES.join(', ')}` }),
  requestedDestinationId: z.preprocess((v) => (v === '' ? null : v), z.uuid('a facility id').nullish()),
};
export const createReferralSchema = z.object(referralFields);
// The patient of a referral never changes; everything else may, while it is a draft.
export const updateReferralSchema = z.object(referralFields).omit({ patientId: true }).partial();

export const replySchema = z.object({
  reply: text(2000).min(1, 'record what the destination answered'),
  appointmentAt: isoDateTime.nullish(),
});
export const completeSchema = z.object({
  outcome: text(2000).min(1, 'record the outcome (the counter-referral)'),
});
