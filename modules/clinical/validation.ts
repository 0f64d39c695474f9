import { z } from 'zod';

const text = (max: number) => z.string().trim().max(max, `at most ${max} characters`);
const optionalText = (max: number) => z.preprocess((v) => (v === '' ? null : v), text(max).nullish());
const isoTimestamp = z.iso.datetime({ offset: true, message: 'a date and time (ISO 8601)' });
const notFuture = (v: string) => new Date(v).getTime() <= Date.now() + 5 * 60_000;

export const ENCOUNTER_TYPES = ['general', 'dental'] as const;

export const createEncounterSchema = z.object({
  patientId: z.uuid('a patient id'),
  visitId: z.uuid('a visit id').nullish(),
  clinicId: z.uuid('a clinic id').nullish(),
  type: z.enum(ENCOUNTER_TYPES, { message: 'general or dental' }).optional(),
  chiefComplaint: optionalText(1000),
  startedAt: isoTimestamp.refine(notFuture, 'cannot be in the future').optional(),
});

/** Who, whom and when are fixed once the consultation exists; only the complaint is edited. */
export const updateEncounterSchema = z.object({ chiefComplaint: optionalText(1000) }).partial();

const section = optionalText(20_000);
export const createSoapNoteSchema = z.object({
  encounterId: z.uuid('an encounter id'),
  subjective: section,
  objective: section,
  assessment: section,
  plan: section,
});
export const updateSoapNoteSchema = createSoapNoteSchema.omit({ encounterId: true }).partial();

export const addendumSchema = z.object({ text: text(5000).min(1, 'required') });

export const ICD10_CODE = /^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$/;
const icd10Code = z.preprocess((v) => (typeof v === 'string' ? v.trim().toUpperCase() : v), z.string().regex(ICD10_CODE, 'an ICD-10 code such as J06.9'));

export const createDiagnosisSchema = z.object({
  encounterId: z.uuid('an encounter id'),
  code: icd10Code,
  rank: z.enum(['primary', 'secondary'], { message: 'primary or secondary' }).optional(),
  certainty: z.enum(['provisional', 'confirmed', 'differential', 'ruled-out'], { message: 'provisional, confirmed, differential or ruled-out' }).optional(),
  notes: optionalText(1000),
});
export const updateDiagnosisSchema = createDiagnosisSchema.omit({ encounterId: true, code: true }).partial();

export const createIcd10Schema = z.object({
  code: icd10Code,
  title: text(300).min(1, 'required'),
  active: z.boolean().optional(),
});
export const updateIcd10Schema = createIcd10Schema.omit({ code: true }).partial();

export const chartQuerySchema = z.object({
  before: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'a cursor from a previous page')
    .optional(),
  limit: z.coerce.number().int('a whole number').min(1, 'at least 1').max(100, 'at most 100').default(20),
});
