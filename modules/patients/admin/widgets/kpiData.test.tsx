import { describe, expect, it } from 'vitest';
import { sexAgeSeries } from './kpiData.js';

describe('the patients by sex and age chart', () => {
  it('has one series per sex with a zero for empty age bands', () => {
    expect(
      sexAgeSeries([
        { sex: 'male', ageBand: '0-4', count: 3 },
        { sex: 'female', ageBand: '65+', count: 2 },
        { sex: 'female', ageBand: '0-4', count: 1 },
      ]),
    ).toEqual([
      { sex: 'female', data: [1, 0, 0, 0, 0, 2] },
      { sex: 'male', data: [3, 0, 0, 0, 0, 0] },
    ]);
  });
});
