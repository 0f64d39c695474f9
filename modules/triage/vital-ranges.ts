import { z } from 'zod';

/**
 * Physiological limits, children included: a value outside them is a typo (60 °C is not a
 * fever), so it is a field error, never saved. The migration's CHECKs repeat them.
 */
export const RANGES = {
  systolic: { min: 40, max: 300, unit: 'mmHg', int: true },
  diastolic: { min: 20, max: 200, unit: 'mmHg', int: true },
  pulse: { min: 20, max: 250, unit: 'beats/min', int: true },
  respiratoryRate: { min: 4, max: 80, unit: 'breaths/min', int: true },
  temperature: { min: 30, max: 45, unit: '°C', int: false },
  spo2: { min: 50, max: 100, unit: '%', int: true },
  weightKg: { min: 0.3, max: 400, unit: 'kg', int: false },
  heightCm: { min: 20, max: 250, unit: 'cm', int: false },
  painScore: { min: 0, max: 10, unit: '', int: true },
  bloodGlucose: { min: 1, max: 40, unit: 'mmol/L', int: false },
} as const;
export type Measure = keyof typeof RANGES;
export const MEASURES = Object.keys(RANGES) as Measure[];

const measure = (m: Measure) => {
  const r = RANGES[m];
  const text = `between ${r.min} and ${r.max}${r.unit ? ` ${r.unit}` : ''}`;
  const base = z.number({ message: 'a number' }).min(r.min, text).max(r.max, text);
  return z.preprocess((v) => (v === '' ? null : v), (r.int ? base.int('a whole number') : base).nullish());
};

export const measurementFields = Object.fromEntries(MEASURES.map((m) => [m, measure(m)])) as Record<Measure, ReturnType<typeof measure>>;

export type Vitals = Partial<Record<Measure, number | null>>;

export function vitalsProblems(v: Vitals, requireOne: boolean): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  if (v.systolic != null && v.diastolic != null && v.diastolic >= v.systolic) out.push({ path: 'diastolic', message: 'must be below the systolic pressure' });
  if (requireOne && !MEASURES.some((m) => v[m] != null)) out.push({ path: 'systolic', message: 'record at least one measurement' });
  return out;
}

export function bmiOf(v: Vitals): number | null {
  if (!v.weightKg || !v.heightCm) return null;
  return Math.round((v.weightKg / (v.heightCm / 100) ** 2) * 10) / 10;
}
