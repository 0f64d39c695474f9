import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').refine((s) => !Number.isNaN(Date.parse(s)), 'not a real date');
const optionalText = (max = 200) => z.preprocess((v) => (v === '' ? null : v), z.string().trim().max(max).nullish());
const money = z.number({ message: 'an amount in minor units' }).int('whole minor units (e.g. cents)').min(0, 'cannot be negative');

const payerFields = {
  code: z.string().trim().regex(/^[A-Z0-9-]{2,30}$/, '2 to 30 capital letters, digits or dashes'),
  name: z.string().trim().min(1, 'required').max(200),
  copayPercent: z.number({ message: 'a percentage' }).int('a whole percentage').min(0, 'at least 0').max(100, 'at most 100'),
  excludedPriceCodes: z.array(z.string().trim().regex(/^[A-Z0-9][A-Z0-9/.-]{1,39}$/, 'tariff codes in capitals')).max(500).optional(),
  contactName: optionalText(200),
  contactPhone: optionalText(30),
  contactEmail: z.preprocess((v) => (v === '' ? null : v), z.string().trim().email('a valid e-mail address').nullish()),
  address: optionalText(300),
  active: z.boolean().optional(),
};
export const payerSchema = z.object(payerFields);
export const payerUpdateSchema = z.object(payerFields).omit({ code: true }).partial();

export const claimSchema = z.object({ payerId: z.uuid('a payer id'), periodFrom: isoDate, periodTo: isoDate });

export const adjudicateSchema = z.object({
  /** Lines not listed were approved as claimed. */
  lines: z
    .array(
      z.object({
        lineId: z.uuid('a claim line id'),
        amountApproved: money,
        rejectionReason: z.string().trim().min(3, 'give the insurer\'s reason').max(500).optional(),
      }),
    )
    .max(5000),
});

export const remittanceSchema = z.object({
  amount: money.refine((n) => n > 0, 'must be more than zero'),
  reference: z.string().trim().min(1, 'the insurer\'s payment reference').max(100),
  receivedOn: isoDate,
  note: optionalText(500),
});

export const exportQuery = z.object({ format: z.enum(['csv', 'json'], { message: 'csv or json' }).default('json') });
