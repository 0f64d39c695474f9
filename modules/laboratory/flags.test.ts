import { describe, expect, it } from 'vitest';
import { ageInDays, matchRange, numericFlag, years, type Sex } from './ranges.js';
import { TESTS } from './seeds/catalogue.js';

const HGB = TESTS.find((t) => t.code === 'HGB')!.ranges!;
const flagOf = (value: number, sex: Sex, ageYears: number) => numericFlag(value, matchRange(HGB, sex, years(ageYears)));

// Haemoglobin (g/dL): men 13.0-17.0, women 12.0-15.5, children 6 months-12 years 11.0-14.5; critical below 7.0 or above 20.0.
const cases: { who: string; sex: Sex; age: number; low: number; high: number }[] = [
  { who: 'an adult man', sex: 'male', age: 40, low: 13.0, high: 17.0 },
  { who: 'an adult woman', sex: 'female', age: 40, low: 12.0, high: 15.5 },
  { who: 'a boy of 6', sex: 'male', age: 6, low: 11.0, high: 14.5 },
  { who: 'a girl of 6', sex: 'female', age: 6, low: 11.0, high: 14.5 },
];

describe('flags at every range boundary', () => {
  for (const c of cases) {
    it(`${c.who}: just below, at and just above each limit`, () => {
      expect([c.low - 0.1, c.low, c.low + 0.1].map((v) => flagOf(v, c.sex, c.age))).toEqual(['L', null, null]);
      expect([c.high - 0.1, c.high, c.high + 0.1].map((v) => flagOf(v, c.sex, c.age))).toEqual([null, null, 'H']);
      expect([6.9, 7.0, 7.1].map((v) => flagOf(v, c.sex, c.age))).toEqual(['LL', 'L', 'L']);
      expect([19.9, 20.0, 20.1].map((v) => flagOf(v, c.sex, c.age))).toEqual(['H', 'H', 'HH']);
    });
  }

  it('the same value is normal for a man and high for a woman or a child', () => {
    expect(flagOf(16.0, 'male', 30)).toBeNull();
    expect(flagOf(16.0, 'female', 30)).toBe('H');
    expect(flagOf(16.0, 'male', 8)).toBe('H');
  });

  it('a patient of unknown sex gets the range for any sex, or no flag when there is none', () => {
    expect(flagOf(12.5, 'unknown', 6)).toBeNull();
    expect(matchRange(HGB, 'unknown', years(40))).toBeNull();
  });

  it('age bands are half-open: the day of the 12th birthday belongs to the adult band', () => {
    expect(matchRange(HGB, 'male', years(12) - 1)?.low).toBe(11.0);
    expect(matchRange(HGB, 'male', years(12))?.low).toBe(13.0);
  });

  it('age is counted in whole days to the collection date', () => {
    expect(ageInDays('2020-03-01', '2020-03-01T23:00:00Z')).toBe(0);
    expect(ageInDays('2020-02-28', '2021-02-28')).toBe(366);
  });
});
