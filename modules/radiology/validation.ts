import { z } from 'zod';

export const MODALITIES = ['x-ray', 'ultrasound', 'ct', 'mri', 'mammography', 'fluoroscopy'] as const;
export const PRIORITIES = ['routine', 'urgent', 'stat'] as const;

const text = (max = 200) => z.string().trim().min(1, 'required').max(max, `at most ${max} characters`);
const code = z.string().trim().toUpperCase().regex(/^[A-Z0-9][A-Z0-9-]{0,29}$/, 'letters, digits and dashes (up to 30)');
const when = z.iso.datetime({ offset: true, message: 'a date and time' });
const reason = z.string({ message: 'required' }).trim().min(3, 'say why (at least 3 characters)').max(1000);

export const studySchema = z.object({
  code,
  name: text(200),
  modality: z.enum(MODALITIES, { message: `one of ${MODALITIES.join(', ')}` }),
  bodyPart: text(100),
  priceCode: code,
  turnaroundMinutes: z.number().int().positive('above zero').max(60 * 24 * 30).optional(),
  preparation: z.preprocess((v) => (v === '' ? null : v), z.string().trim().max(1000).nullish()),
  active: z.boolean().optional(),
});

export const orderSchema = z.object({
  encounterId: z.uuid('an encounter id'),
  studyId: z.uuid('an imaging study id'),
  priority: z.enum(PRIORITIES, { message: 'routine, urgent or stat' }).default('routine'),
  clinicalIndication: text(2000),
});
export const orderUpdateSchema = z.object({ clinicalIndication: text(2000), room: z.string().trim().max(60).nullish() }).partial();

export const scheduleSchema = z.object({ scheduledAt: when, room: z.string().trim().max(60).nullish() });
export const performSchema = z.object({ performedAt: when.refine((d) => Date.parse(d) <= Date.now() + 60_000, 'cannot be in the future').optional() });
export const cancelSchema = z.object({ reason });

export const reportSchema = z.object({
  orderId: z.uuid('an imaging order id'),
  findings: z.string().trim().max(20_000).default(''),
  impression: z.string().trim().max(5_000).default(''),
});
export const reportUpdateSchema = reportSchema.omit({ orderId: true }).partial();
export const addendumSchema = z.object({ text: text(10_000) });
