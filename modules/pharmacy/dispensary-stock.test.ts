import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Api, type TestServer } from '../../tests/support/harness.js';
import { FORMULARY } from './seeds/formulary.js';

let server: TestServer;
let pharmacist: Api;
let dispensary: string;

const sql = <T extends object = any>(text: string, replacements: Record<string, unknown> = {}) =>
  server.host.db.sequelize.query<T>(text, { type: QueryTypes.SELECT, replacements });

beforeAll(async () => {
  server = await startServer({ only: ['pharmacy'] });
  pharmacist = await server.login('pharmacy@healthcare.com');
  dispensary = (await pharmacist.list('stock-locations', { filter: { code: 'DISP' } })).body[0].id;
});
afterAll(() => server?.close());

describe('the demo dispensary', () => {
  it('stocks every formulary drug at the dispensary, linked to its stock item', async () => {
    const rows = await sql<{ priceCode: string; usable: number }>(
      `SELECT d.price_code AS "priceCode",
              coalesce(sum(b.quantity) FILTER (WHERE b.expiry_date IS NULL OR b.expiry_date >= current_date), 0)::int AS usable
         FROM drugs d
         LEFT JOIN stock_batches b ON b.item_id = d.stock_item_id AND b.location_id = :dispensary
        WHERE d.price_code IN (:codes)
        GROUP BY d.price_code`,
      { dispensary, codes: FORMULARY.map((f) => f.priceCode) },
    );
    expect(rows).toHaveLength(FORMULARY.length);
    expect(rows.filter((r) => r.usable === 0)).toEqual([]);
  });

  it('gives the expiry report lots expiring within weeks and lots expired on the shelf', async () => {
    const soon = await pharmacist.get(`/api/stock-batches/expiring?days=21&locationId=${dispensary}`);
    expect(soon.status).toBe(200);
    const codes = (expired: boolean) => soon.body.filter((b: any) => b.expired === expired && b.locationId === dispensary).map((b: any) => b.itemCode);
    expect(codes(false)).toEqual(expect.arrayContaining([FORMULARY[1].priceCode, FORMULARY[8].priceCode]));
    expect(codes(true)).toEqual(expect.arrayContaining([FORMULARY[5].priceCode, FORMULARY[19].priceCode]));
    expect(soon.body.every((b: any) => b.daysLeft <= 21)).toBe(true);
  });

  it('gives the reorder report items below their reorder level at the dispensary', async () => {
    const low = await pharmacist.get(`/api/stock-items/below-reorder?locationId=${dispensary}`);
    expect(low.status).toBe(200);
    const bpg = low.body.find((r: any) => r.code === FORMULARY[3].priceCode);
    expect(bpg).toMatchObject({ reorderLevel: 20, onHand: 6 });
    expect(low.body.map((r: any) => r.code)).toEqual(expect.arrayContaining([FORMULARY[11].priceCode, FORMULARY[19].priceCode]));
    // Laboratory reagents are not kept at the dispensary, so they are not on its list.
    expect(low.body.filter((r: any) => r.code.startsWith('REA-'))).toEqual([]);
  });

  it('runs again without adding stock', async () => {
    const count = async () => (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM stock_movements WHERE reason = 'Demo opening stock'`))[0].n;
    const before = await count();
    expect(before).toBeGreaterThan(FORMULARY.length - 5);
    const pharmacy = server.host.modules.find((m) => m.id === 'pharmacy')!;
    await pharmacy.seeds!.demo!(server.host.contextOf('pharmacy'), () => undefined);
    expect(await count()).toBe(before);
  });
});
