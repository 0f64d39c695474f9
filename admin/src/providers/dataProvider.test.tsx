import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDataProvider } from './dataProvider.js';

describe('the data provider', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('fetches an export of 1,000 rows as pages the API accepts (at most 500)', async () => {
    const ranges: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) => {
        const url = new URL(String(input instanceof Request ? input.url : input), 'http://app');
        const [from, to] = JSON.parse(url.searchParams.get('range')!) as [number, number];
        ranges.push(`${from}-${to}`);
        const last = Math.min(to, 719);
        const rows = Array.from({ length: last - from + 1 }, (_, i) => ({ id: from + i }));
        return new Response(JSON.stringify(rows), { status: 200, headers: { 'content-type': 'application/json', 'content-range': `patients ${from}-${last}/720` } });
      }),
    );
    const { data, total } = await createDataProvider('http://app/api').getList('patients', { pagination: { page: 1, perPage: 1000 }, sort: { field: 'id', order: 'ASC' }, filter: {} });
    expect(ranges).toEqual(['0-499', '500-999']);
    expect(data).toHaveLength(720);
    expect(total).toBe(720);
  });
});
