import { z } from 'zod';

export const QUEUE_STATUSES = ['waiting', 'called', 'in-consultation', 'done', 'left'] as const;
export const PRIORITIES = ['emergency', 'very-urgent', 'urgent', 'routine'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const checkInSchema = z
  .object({
    patientId: z.uuid('a patient id'),
    clinicId: z.uuid('a clinic id').optional(),
    appointmentId: z.uuid('an appointment id').optional(),
    notes: z.preprocess((v) => (v === '' ? null : v), z.string().trim().max(500, 'at most 500 characters').nullish()),
  })
  .refine((v) => v.clinicId || v.appointmentId, { message: 'choose the clinic (or check in an appointment)', path: ['clinicId'] });

export const leftSchema = z.object({ reason: z.string().trim().max(300, 'at most 300 characters').optional() });
export const queueQuerySchema = z.object({
  clinicId: z.uuid('a clinic id'),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').optional(),
});
