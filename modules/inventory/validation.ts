import { z } from 'zod';

export const LOCATION_KINDS = ['store', 'laboratory', 'dispensary', 'ward', 'radiology'] as const;

const text = (max = 200) => z.string().trim().min(1, 'required').max(max, `at most ${max} characters`);
const code = z.string().trim().toUpperCase().regex(/^[A-Z0-9][A-Z0-9-]{0,39}$/, 'letters, digits and dashes (up to 40)');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').refine((s) => !Number.isNaN(Date.parse(s)), 'not a real date');
const quantity = z.number({ message: 'a number' }).int('a whole number').positive('above zero').max(10_000_000, 'too large');
const reason = z.string({ message: 'required' }).trim().min(3, 'say why (at least 3 characters)').max(500);

export const itemSchema = z.object({
  code,
  name: text(200),
  unit: text(30),
  category: text(60),
  reorderLevel: z.number({ message: 'a number' }).int('a whole number').min(0, '0 or more').optional(),
  active: z.boolean().optional(),
});

export const locationSchema = z.object({
  code,
  name: text(100),
  kind: z.enum(LOCATION_KINDS, { message: `one of ${LOCATION_KINDS.join(', ')}` }),
  active: z.boolean().optional(),
});

export const receiveSchema = z.object({
  itemId: z.uuid('a stock item id'),
  locationId: z.uuid('a stock location id'),
  lotNumber: text(60),
  // Goods already expired are refused at the door.
  expiryDate: z.preprocess((v) => (v === '' ? null : v), isoDate.refine((d) => d >= new Date().toISOString().slice(0, 10), 'already expired').nullish()),
  quantity,
  unitCost: z.number({ message: 'a number' }).int('minor units, a whole number').min(0, '0 or more'),
  reason: z.preprocess((v) => (v === '' ? null : v), z.string().trim().max(500).nullish()),
});

export const issueSchema = z.object({
  itemId: z.uuid('a stock item id'),
  locationId: z.uuid('a stock location id'),
  quantity,
  reason,
});

export const adjustSchema = z.object({
  quantity: z.number({ message: 'a number' }).int('a whole number').refine((n) => n !== 0, 'not 0').refine((n) => Math.abs(n) <= 10_000_000, 'too large'),
  reason,
});

export const adjustCheckQuery = z.object({
  quantity: z.coerce.number({ message: 'a number' }).int('a whole number').refine((n) => n !== 0, 'not 0').refine((n) => Math.abs(n) <= 10_000_000, 'too large'),
  reason: z.string().trim().max(500).optional(),
});

export const transferSchema = z.object({
  toLocationId: z.uuid('a stock location id'),
  quantity,
  reason: z.preprocess((v) => (v === '' ? null : v), z.string().trim().max(500).nullish()),
});

export const writeOffSchema = z.object({ reason });

export const daysQuery = z.object({ days: z.coerce.number().int('whole days').min(0).max(3650).default(30), locationId: z.uuid().optional() });
