import { z } from 'zod';
import { procedureByCode } from './procedure-codes.js';
import { CONDITIONS, SURFACES, WHOLE_TOOTH, isTooth, surfaceProblem } from './teeth.js';

const optionalText = (max: number) => z.preprocess((v) => (v === '' ? null : v), z.string().trim().max(max, `at most ${max} characters`).nullish());

const TOOTH_MESSAGE = 'an FDI tooth number: 11-18, 21-28, 31-38, 41-48, or 51-55, 61-65, 71-75, 81-85 for primary teeth';
const tooth = z.number({ message: TOOTH_MESSAGE }).int(TOOTH_MESSAGE).refine(isTooth, TOOTH_MESSAGE);
const surfaces = z
  .array(z.preprocess((v) => (typeof v === 'string' ? v.trim().toUpperCase() : v), z.enum(SURFACES, { message: 'one of M, O, D, B, L, I' })))
  .max(SURFACES.length)
  .refine((s) => new Set(s).size === s.length, 'each surface once');

/** Surfaces that do not exist on the tooth (O on an incisor, I on a molar), as field errors. */
function checkSurfaces(t: number | null | undefined, list: string[] | undefined, issue: (path: (string | number)[], message: string) => void) {
  if (t === null || t === undefined) return;
  list?.forEach((s, i) => {
    const problem = surfaceProblem(t, s);
    if (problem) issue(['surfaces', i], problem);
  });
}

export const findingSchema = z
  .object({
    tooth,
    condition: z.enum(CONDITIONS, { message: `one of ${CONDITIONS.join(', ')}` }),
    surfaces: surfaces.default([]),
    notes: optionalText(500),
  })
  .superRefine((f, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if ((WHOLE_TOOTH as string[]).includes(f.condition) && f.surfaces.length) issue(['surfaces'], `${f.condition} concerns the whole tooth: no surfaces`);
    checkSurfaces(f.tooth, f.surfaces, issue);
  });

export const createChartSchema = z.object({
  patientId: z.uuid('a patient id'),
  dentition: z.enum(['permanent', 'primary', 'mixed'], { message: 'permanent, primary or mixed' }).optional(),
  findings: z.array(findingSchema).max(300, 'at most 300 findings').optional(),
  notes: optionalText(5000),
});
export const updateChartSchema = createChartSchema.omit({ patientId: true }).partial();

export const createProcedureSchema = z.object({
  patientId: z.uuid('a patient id'),
  encounterId: z.uuid('an encounter id').nullish(),
  tooth: tooth.nullish(),
  surfaces: surfaces.optional(),
  procedureCode: z.string().trim().min(1, 'required').max(40),
  status: z.enum(['planned', 'done'], { message: 'planned or done' }).optional(),
  notes: optionalText(2000),
});
export const updateProcedureSchema = createProcedureSchema.pick({ tooth: true, surfaces: true, procedureCode: true, notes: true }).partial();
export const completeProcedureSchema = z.object({ encounterId: z.uuid('an encounter id').optional() });

/** Whether a procedure fits its tooth and surfaces (a filling needs surfaces, scaling no tooth). */
export function procedureProblems(p: { procedureCode: string; tooth?: number | null; surfaces?: string[] }): Record<string, string> {
  const errors: Record<string, string> = {};
  const code = procedureByCode(p.procedureCode);
  if (!code) return { procedureCode: 'not a dental procedure code of this clinic' };
  const list = p.surfaces ?? [];
  if (code.scope === 'mouth') {
    if (p.tooth != null) errors.tooth = `${code.label} is for the whole mouth: no tooth`;
    if (list.length) errors.surfaces = `${code.label} takes no surfaces`;
    return errors;
  }
  if (p.tooth == null) errors.tooth = `${code.label} needs a tooth`;
  if (code.scope === 'surface' && !list.length) errors.surfaces = `${code.label} needs at least one surface`;
  if (code.scope === 'tooth' && list.length) errors.surfaces = `${code.label} is for the whole tooth: no surfaces`;
  checkSurfaces(p.tooth, list, (path, message) => (errors[path.join('.')] ??= message));
  return errors;
}
