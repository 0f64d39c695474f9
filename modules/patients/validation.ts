import { z } from 'zod';

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export const BLOOD_GROUPS = ['A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-'] as const;
export const STATUSES = ['active', 'deceased', 'merged'] as const;
export const AGE_BANDS = ['0-4', '5-14', '15-24', '25-44', '45-64', '65+'] as const;

const text = (max = 200) => z.string().trim().max(max, `at most ${max} characters`);
const optionalText = (max = 200) =>
  z.preprocess((v) => (v === '' ? null : v), text(max).nullish());
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').refine((s) => !Number.isNaN(Date.parse(s)), 'not a real date');
const phone = z.preprocess(
  (v) => (v === '' ? null : v),
  z.string().trim().regex(/^\+?[0-9 ()-]{6,20}$/, 'a phone number of 6 to 20 digits').nullish(),
);

const notFuture = (s: string) => s <= new Date().toISOString().slice(0, 10);

export const patientFields = {
  givenName: text(100).min(1, 'required'),
  middleName: optionalText(100),
  familyName: text(100).min(1, 'required'),
  sex: z.enum(SEXES, { message: `one of ${SEXES.join(', ')}` }),
  birthDate: isoDate.refine(notFuture, 'cannot be in the future').refine((s) => s >= '1900-01-01', 'too far in the past').optional(),
  estimatedAge: z.number().int('whole years').min(0, 'cannot be negative').max(120, 'at most 120').optional(),
  nationalId: z.preprocess((v) => (v === '' ? null : v), z.string().trim().regex(/^[A-Za-z0-9-]{4,30}$/, '4 to 30 letters, digits or dashes').nullish()),
  phone,
  email: z.preprocess((v) => (v === '' ? null : v), z.string().trim().email('a valid e-mail address').nullish()),
  address: optionalText(300),
  city: optionalText(100),
  nextOfKinName: optionalText(200),
  nextOfKinPhone: phone,
  nextOfKinRelationship: optionalText(50),
  bloodGroup: z.preprocess((v) => (v === '' ? null : v), z.enum(BLOOD_GROUPS, { message: 'a blood group such as O+' }).nullish()),
};

export const createPatientSchema = z
  .object(patientFields)
  .refine((p) => p.birthDate || p.estimatedAge !== undefined, { message: 'give the birth date or an estimated age', path: ['birthDate'] });

export const updatePatientSchema = z
  .object({
    ...patientFields,
    status: z.enum(STATUSES, { message: `one of ${STATUSES.join(', ')}` }),
    deceasedOn: z.preprocess((v) => (v === '' ? null : v), isoDate.refine(notFuture, 'cannot be in the future').nullish()),
  })
  .partial();

export const allergySchema = z.object({
  patientId: z.uuid('a patient id'),
  substance: text(200).min(1, 'required'),
  allergyClass: optionalText(100),
  reaction: optionalText(300),
  severity: z.enum(['mild', 'moderate', 'severe', 'life-threatening'], { message: 'mild, moderate, severe or life-threatening' }),
  status: z.enum(['active', 'inactive', 'refuted']).optional(),
  notedOn: isoDate.nullish(),
  notes: optionalText(1000),
});

export const insuranceSchema = z
  .object({
    patientId: z.uuid('a patient id'),
    payerCode: text(30).min(1, 'required'),
    payerName: text(200).min(1, 'required'),
    memberNumber: text(50).min(1, 'required'),
    plan: optionalText(100),
    validFrom: isoDate,
    validTo: isoDate.nullish(),
    isPrimary: z.boolean().optional(),
  });

/** Birth date recorded for an estimated age: 1 January of the estimated birth year. */
export function birthDateFromAge(years: number, today = new Date()): string {
  return `${today.getUTCFullYear() - years}-01-01`;
}

/** Birth-date bounds (inclusive) for an age band, as of today. */
export function ageBandRange(band: string, today = new Date()): { from?: string; to?: string } {
  const m = /^(\d+)(?:-(\d+)|\+)$/.exec(band);
  if (!m) return {};
  const minAge = Number(m[1]);
  const maxAge = m[2] !== undefined ? Number(m[2]) : undefined;
  const shift = (years: number, days = 0) => {
    const d = new Date(Date.UTC(today.getUTCFullYear() - years, today.getUTCMonth(), today.getUTCDate() + days));
    return d.toISOString().slice(0, 10);
  };
  // Age >= minAge  <=> born on or before today - minAge years.
  // Age <= maxAge  <=> born after today - (maxAge + 1) years.
  return { to: shift(minAge), from: maxAge !== undefined ? shift(maxAge + 1, 1) : undefined };
}
