import { z } from 'zod';

export const FREQUENCIES = ['STAT', 'OD', 'BD', 'TDS', 'QID', 'NOCTE', 'PRN'] as const;
export const ROUTES = ['oral', 'iv', 'im', 'sc', 'inhaled', 'topical', 'rectal', 'vaginal', 'ophthalmic', 'sublingual'] as const;
export const SEVERITIES = ['minor', 'moderate', 'major', 'contraindicated'] as const;

const text = (max = 200) => z.string().trim().min(1, 'required').max(max, `at most ${max} characters`);
const optionalText = (max = 200) => z.preprocess((v) => (v === '' ? null : v), z.string().trim().max(max).nullish());
const atc = z.string().trim().regex(/^[A-Z][0-9]{2}[A-Z]{0,2}[0-9]{0,2}$/, 'an ATC code such as J01CA04');
const atcGroup = z.string().trim().regex(/^[A-Z][0-9A-Z]{0,6}$/, 'an ATC code or group such as M01A');

const drugFields = {
  genericName: text(200),
  strength: text(60),
  strengthValue: z.number().positive('more than 0').nullish(),
  strengthUnit: optionalText(20),
  form: text(60),
  route: z.enum(ROUTES, { message: `one of ${ROUTES.join(', ')}` }),
  dispenseUnit: text(30),
  atcCode: atc,
  allergyClass: optionalText(60),
  controlled: z.boolean().optional(),
  priceCode: z.string().trim().regex(/^[A-Z0-9][A-Z0-9/.-]{1,39}$/, 'a tariff code in capitals'),
  stockItemId: z.uuid('a stock item id').nullish(),
  active: z.boolean().optional(),
};
export const drugSchema = z.object(drugFields);
export const drugUpdateSchema = z.object(drugFields).partial();

const interactionFields = {
  atcA: atcGroup,
  atcB: atcGroup,
  labelA: text(100),
  labelB: text(100),
  severity: z.enum(SEVERITIES, { message: `one of ${SEVERITIES.join(', ')}` }),
  effect: text(1000),
  advice: text(1000),
};
export const interactionSchema = z.object(interactionFields);
export const interactionUpdateSchema = z.object(interactionFields).partial();

export const prescriptionItemSchema = z.object({
  drugId: z.uuid('a drug from the formulary'),
  dose: z.number({ message: 'a number' }).positive('more than 0').max(100_000),
  doseUnit: text(20),
  route: z.enum(ROUTES, { message: `one of ${ROUTES.join(', ')}` }).optional(),
  frequency: z.enum(FREQUENCIES, { message: `one of ${FREQUENCIES.join(', ')}` }),
  durationDays: z.number().int('whole days').min(1, 'at least 1 day').max(365, 'at most 365 days'),
  /** Computed from dose, frequency and duration; given only for as-needed orders and devices. */
  quantity: z.number().int('whole units').positive('more than 0').max(10_000).nullish(),
  instructions: optionalText(500),
});

export const prescriptionSchema = z.object({
  encounterId: z.uuid('an encounter id'),
  items: z.array(prescriptionItemSchema, { message: 'the drugs prescribed' }).min(1, 'at least one drug').max(30),
  overrideReason: z.preprocess((v) => (v === '' ? null : v), z.string().trim().min(10, 'at least 10 characters').max(1000).nullish()),
  notes: optionalText(1000),
});

export const safetyCheckSchema = z.object({
  patientId: z.uuid('a patient id'),
  drugIds: z.array(z.uuid('a drug id')).min(1, 'at least one drug').max(30),
});

export const cancelSchema = z.object({ reason: z.string().trim().min(5, 'give the reason (at least 5 characters)').max(500) });

export const dispenseSchema = z.object({
  prescriptionId: z.uuid('a prescription id'),
  locationCode: z.string().trim().regex(/^[A-Z0-9-]{2,20}$/, 'a stock location code').optional(),
  items: z
    .array(z.object({ prescriptionItemId: z.uuid('a prescription item id'), quantity: z.number().int('whole units').positive('more than 0').max(10_000) }), { message: 'what to dispense' })
    .min(1, 'at least one item'),
});
