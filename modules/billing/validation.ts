import { z } from 'zod';

export const CATEGORIES = ['consultation', 'laboratory', 'imaging', 'drug', 'procedure', 'dental', 'other'] as const;
export const METHODS = ['cash', 'card', 'mobile-money'] as const;

const text = (max = 200) => z.string().trim().min(1, 'required').max(max, `at most ${max} characters`);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').refine((s) => !Number.isNaN(Date.parse(s)), 'not a real date');
/** Money is whole minor units (cents): never a float. */
export const money = z.number({ message: 'an amount in minor units (e.g. cents)' }).int('whole minor units (e.g. cents)').min(0, 'cannot be negative').max(1_000_000_000, 'too large');
const positiveMoney = money.refine((n) => n > 0, 'must be more than zero');

export const priceListFields = {
  code: z.string().trim().regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/, '2 to 40 capital letters, digits or dashes'),
  description: text(200),
  department: text(100),
  category: z.enum(CATEGORIES, { message: `one of ${CATEGORIES.join(', ')}` }),
  unitPrice: money,
  payerPrices: z.record(z.string().regex(/^[A-Z0-9-]{2,30}$/, 'payer codes in capitals'), money).optional(),
  activeFrom: isoDate.optional(),
  activeTo: isoDate.nullish(),
};
export const priceListSchema = z
  .object(priceListFields)
  .refine((p) => !p.activeTo || !p.activeFrom || p.activeTo >= p.activeFrom, { message: 'must be on or after the start', path: ['activeTo'] });
export const priceListUpdateSchema = z.object(priceListFields).omit({ code: true }).partial();

export const paymentSchema = z.object({
  invoiceId: z.uuid('an invoice id'),
  amount: positiveMoney,
  method: z.enum(METHODS, { message: `one of ${METHODS.join(', ')}` }),
  reference: z.string().trim().max(100).nullish(),
});

export const refundSchema = z.object({
  amount: positiveMoney,
  reason: z.string().trim().min(5, 'give the reason (at least 5 characters)').max(500),
  method: z.enum(METHODS, { message: `one of ${METHODS.join(', ')}` }).optional(),
});

export const reasonSchema = z.object({ reason: z.string().trim().min(5, 'give the reason (at least 5 characters)').max(500) });

export const discountSchema = z.object({
  lineId: z.uuid('an invoice line id'),
  discount: money,
  reason: z.string().trim().min(5, 'give the reason (at least 5 characters)').max(500),
});

export const openSessionSchema = z.object({ openingFloat: money });
export const closeSessionSchema = z.object({ countedCash: money, note: z.string().trim().max(500).nullish() });
