import { z } from 'zod';
import { measurementFields, vitalsProblems, type Vitals } from './vital-ranges.js';

export const TRIAGE_PRIORITIES = ['emergency', 'very-urgent', 'urgent', 'routine'] as const;
export type TriagePriority = (typeof TRIAGE_PRIORITIES)[number];

/** Danger signs the triage form offers as ticks; the rule set decides what each one means. */
export const DANGER_SIGNS = [
  'unresponsive',
  'convulsing',
  'airway-compromise',
  'severe-bleeding',
  'chest-pain',
  'shortness-of-breath',
  'severe-trauma',
  'poisoning-overdose',
  'pregnancy-bleeding',
  'focal-neurology',
  'severe-dehydration',
] as const;

const optionalText = (max: number) => z.preprocess((v) => (v === '' ? null : v), z.string().trim().max(max, `at most ${max} characters`).nullish());

const checkVitals = (requireOne: boolean) => (v: Vitals, ctx: z.RefinementCtx) => {
  for (const p of vitalsProblems(v, requireOne)) ctx.addIssue({ code: 'custom', path: [p.path], message: p.message });
};

export const vitalsSchema = z.object(measurementFields).superRefine(checkVitals(true));

export const createVitalSignsSchema = z
  .object({
    visitId: z.uuid('a visit id'),
    takenAt: z.iso.datetime({ offset: true, message: 'a date and time' }).optional(),
    ...measurementFields,
    notes: optionalText(1000),
  })
  .superRefine(checkVitals(true));
// A correction of one reading; the combined record is checked again before saving.
export const updateVitalSignsSchema = z.object({ ...measurementFields, notes: optionalText(1000) }).partial();

const triageInput = {
  chiefComplaint: z.string().trim().min(2, 'describe the complaint').max(500, 'at most 500 characters'),
  dangerSigns: z.array(z.enum(DANGER_SIGNS, { message: `one of ${DANGER_SIGNS.join(', ')}` })).max(DANGER_SIGNS.length).default([]),
  vitals: vitalsSchema.optional(),
};

export const createAssessmentSchema = z
  .object({
    visitId: z.uuid('a visit id'),
    ...triageInput,
    vitalSignsId: z.uuid('a vital-signs id').optional(),
    overridePriority: z.enum(TRIAGE_PRIORITIES, { message: TRIAGE_PRIORITIES.join(', ') }).optional(),
    overrideReason: optionalText(500),
  })
  .refine((a) => !(a.vitals && a.vitalSignsId), { message: 'give new vitals or a recorded reading, not both', path: ['vitalSignsId'] });

/** The triage form asks for the priority as the nurse types: nothing needs to be complete. */
export const evaluateSchema = z.object({
  visitId: z.uuid('a visit id').optional(),
  chiefComplaint: z.string().trim().max(500).default(''),
  dangerSigns: triageInput.dangerSigns,
  vitals: z.object(measurementFields).superRefine(checkVitals(false)).optional(),
});
