/** Shapes the patients KPIs for the charts. Pure, unit-tested. */
export interface DayCount {
  day: string;
  count: number;
}

export interface SexAgeCount {
  sex: string;
  ageBand: string;
  count: number;
}

export const AGE_BANDS = ['0-4', '5-14', '15-24', '25-44', '45-64', '65+'];

/** One series per sex, one value per age band (0 where there is nobody). */
export function sexAgeSeries(rows: SexAgeCount[]): { sex: string; data: number[] }[] {
  const sexes = [...new Set(rows.map((r) => r.sex))].sort();
  return sexes.map((sex) => ({
    sex,
    data: AGE_BANDS.map((band) => rows.filter((r) => r.sex === sex && r.ageBand === band).reduce((n, r) => n + r.count, 0)),
  }));
}

/** `2026-11-29T00:00:00.000Z` or `2026-11-29` to `29/11`-style short labels in the user's locale. */
export function shortDay(day: string, locale: string): string {
  const d = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  return d.toLocaleDateString(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
}
