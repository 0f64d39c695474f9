/**
 * Reference ranges and flags. Pure functions, shared by the server (the flag stored with a
 * result) and the result-entry screen (the flag shown while typing), so both always agree.
 *
 * A range applies to a sex ('any' or one sex; a sex-specific range wins) and an age band in
 * days on the collection date: ageFromDays <= age < ageToDays (open-ended when null).
 * Flags: the normal range is [low, high] inclusive; below low is L, above high is H; critical
 * when strictly beyond the critical limits: below criticalLow is LL, above criticalHigh is HH.
 */
export type Sex = 'female' | 'male' | 'other' | 'unknown';
export type Flag = 'L' | 'H' | 'LL' | 'HH' | 'A' | null;

export interface ReferenceRange {
  sex: 'any' | 'female' | 'male';
  ageFromDays: number;
  ageToDays: number | null;
  low?: number | null;
  high?: number | null;
  criticalLow?: number | null;
  criticalHigh?: number | null;
}

export const CRITICAL_FLAGS: Flag[] = ['LL', 'HH'];

/** Whole days from the birth date to the day of collection. */
export function ageInDays(birthDate: string, on: string | Date): number {
  const day = (d: string | Date) => Date.parse(new Date(d).toISOString().slice(0, 10));
  return Math.floor((day(on) - day(birthDate)) / 86_400_000);
}

/** Age bands are written in years in catalogues; stored in days so infants can have their own. */
export const years = (n: number) => Math.round(n * 365.25);

export function matchRange(ranges: ReferenceRange[], sex: Sex, ageDays: number): ReferenceRange | null {
  const inBand = (r: ReferenceRange) => ageDays >= r.ageFromDays && (r.ageToDays == null || ageDays < r.ageToDays);
  return ranges.find((r) => r.sex === sex && inBand(r)) ?? ranges.find((r) => r.sex === 'any' && inBand(r)) ?? null;
}

export function numericFlag(value: number, range: ReferenceRange | null | undefined): Flag {
  if (!range || !Number.isFinite(value)) return null;
  if (range.criticalLow != null && value < range.criticalLow) return 'LL';
  if (range.criticalHigh != null && value > range.criticalHigh) return 'HH';
  if (range.low != null && value < range.low) return 'L';
  if (range.high != null && value > range.high) return 'H';
  return null;
}

/** Coded results (Positive, 2+, ...) are flagged A when the catalogue lists the value as abnormal. */
export function codedFlag(value: string, abnormalValues: string[]): Flag {
  return abnormalValues.some((v) => v.toLowerCase() === value.trim().toLowerCase()) ? 'A' : null;
}

/** "3.5 - 5.1" for printing. */
export function rangeText(r: Pick<ReferenceRange, 'low' | 'high'> | null | undefined): string {
  if (!r || (r.low == null && r.high == null)) return '';
  if (r.low == null) return `< ${r.high}`;
  if (r.high == null) return `> ${r.low}`;
  return `${r.low} - ${r.high}`;
}
