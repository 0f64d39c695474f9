import { z } from 'zod';

export const PRIORITIES = ['routine', 'urgent', 'stat'] as const;
export const ORDER_STATUSES = ['ordered', 'collected', 'received', 'in-progress', 'resulted', 'verified', 'cancelled'] as const;

const text = (max = 200) => z.string().trim().min(1, 'required').max(max, `at most ${max} characters`);
const optionalText = (max = 2000) => z.preprocess((v) => (v === '' ? null : v), z.string().trim().max(max, `at most ${max} characters`).nullish());
const code = z.string().trim().toUpperCase().regex(/^[A-Z0-9][A-Z0-9-]{0,29}$/, 'letters, digits and dashes (up to 30)');
const reason = z.string({ message: 'required' }).trim().min(3, 'say why (at least 3 characters)').max(1000);
const num = z.number({ message: 'a number' }).finite();

export const rangeSchema = z
  .object({
    sex: z.enum(['any', 'female', 'male'], { message: 'any, female or male' }),
    ageFromDays: z.number().int().min(0, '0 or more'),
    ageToDays: z.number().int().positive().nullable(),
    low: num.nullish(),
    high: num.nullish(),
    criticalLow: num.nullish(),
    criticalHigh: num.nullish(),
  })
  .refine((r) => r.ageToDays == null || r.ageToDays > r.ageFromDays, { message: 'must be above ageFromDays', path: ['ageToDays'] })
  .refine((r) => r.low == null || r.high == null || r.low <= r.high, { message: 'must not be above high', path: ['low'] })
  .refine((r) => r.criticalLow == null || r.low == null || r.criticalLow <= r.low, { message: 'must not be above low', path: ['criticalLow'] })
  .refine((r) => r.criticalHigh == null || r.high == null || r.criticalHigh >= r.high, { message: 'must not be below high', path: ['criticalHigh'] });

export const testSchema = z.object({
  code,
  loinc: z.preprocess((v) => (v === '' ? null : v), z.string().trim().regex(/^\d{1,7}-\d$/, 'a LOINC code such as 718-7').nullish()),
  name: text(200),
  section: text(60),
  specimenType: text(60),
  resultType: z.enum(['numeric', 'coded']).optional(),
  unit: optionalText(30),
  decimals: z.number().int().min(0).max(4).optional(),
  codedValues: z.array(text(60)).max(30).optional(),
  abnormalValues: z.array(text(60)).max(30).optional(),
  ranges: z.array(rangeSchema).max(30).optional(),
  reagents: z.array(z.object({ itemCode: code, quantity: z.number().int().positive('above zero').max(1000) })).max(10).optional(),
  turnaroundMinutes: z.number().int().positive('above zero').max(60 * 24 * 30).optional(),
  priceCode: code,
  active: z.boolean().optional(),
});

export const panelSchema = z.object({
  code,
  name: text(200),
  testIds: z.array(z.uuid('a lab test id')).min(1, 'at least one test').max(40),
  priceCode: code,
  active: z.boolean().optional(),
});

export const orderSchema = z
  .object({
    encounterId: z.uuid('an encounter id'),
    testIds: z.array(z.uuid('a lab test id')).max(60).default([]),
    panelIds: z.array(z.uuid('a lab panel id')).max(20).default([]),
    priority: z.enum(PRIORITIES, { message: 'routine, urgent or stat' }).default('routine'),
    clinicalNotes: optionalText(2000),
  })
  .refine((o) => o.testIds.length + o.panelIds.length > 0, { message: 'pick at least one test or panel', path: ['testIds'] });

/** Only notes change after ordering; the tests change by cancelling and ordering again. */
export const orderUpdateSchema = z.object({ clinicalNotes: optionalText(2000), priority: z.enum(PRIORITIES, { message: 'routine, urgent or stat' }) }).partial();

export const collectSchema = z.object({
  collectedAt: z.iso.datetime({ offset: true, message: 'a date and time' }).refine((d) => Date.parse(d) <= Date.now() + 60_000, 'cannot be in the future').optional(),
});

export const cancelSchema = z.object({ reason });
export const rejectSchema = z.object({ reason });

const value = z.union([num, z.string().trim().min(1, 'required').max(60)], { message: 'a number or a coded value' });

export const enterSchema = z.object({ value, comment: optionalText(1000) });
export const enterManySchema = z.object({
  results: z.array(z.object({ resultId: z.uuid('a lab result id'), value, comment: optionalText(1000) })).min(1, 'at least one result').max(100),
});
export const amendSchema = z.object({ value, reason });
