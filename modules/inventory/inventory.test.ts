import { QueryTypes, type Sequelize } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, unique, type Api, type TestServer } from '../../tests/support/harness.js';
import { issueStock, receiveStock, returnStock } from './workflows.js';

let server: TestServer;
let db: Sequelize;
let pharmacist: Api;
let lab: Api;
let physician: Api;
let locations: Record<string, string>;

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const sql = <T extends object = any>(text: string, replacements: Record<string, unknown> = {}) => db.query<T>(text, { type: QueryTypes.SELECT, replacements });

beforeAll(async () => {
  server = await startServer({ only: ['inventory'] });
  db = server.host.db.sequelize;
  pharmacist = await server.login('pharmacy@healthcare.com');
  lab = await server.login('laboratory@healthcare.com');
  physician = await server.login('physician@healthcare.com');
  const list = await pharmacist.list('stock-locations', { range: [0, 99] });
  locations = Object.fromEntries(list.body.map((l: any) => [l.code, l.id]));
});
afterAll(() => server?.close());

async function newItem(over: Record<string, unknown> = {}) {
  const res = await pharmacist.post('/api/stock-items', { code: `T-${unique()}`, name: 'Test reagent', unit: 'test', category: 'Laboratory reagent', reorderLevel: 10, ...over });
  expect(res.status).toBe(201);
  return res.body;
}

async function receive(itemId: string, lotNumber: string, quantity: number, expiryDate: string | null, location = 'LAB', unitCost = 150) {
  const res = await pharmacist.post('/api/stock-batches/receive', { itemId, locationId: locations[location], lotNumber, expiryDate, quantity, unitCost });
  expect(res.status).toBe(200);
  return res.body;
}

const quantities = async (itemId: string) =>
  Object.fromEntries((await sql<{ lot_number: string; quantity: number }>(`SELECT lot_number, quantity FROM stock_batches WHERE item_id = :itemId`, { itemId })).map((b) => [b.lot_number, b.quantity]));

describe('goods received', () => {
  it('a receipt creates the lot with its expiry, a receipt movement and an audit row', async () => {
    const item = await newItem();
    const batch = await receive(item.id, 'LOT-A', 40, inDays(200));
    expect(batch).toMatchObject({ lotNumber: 'LOT-A', expiryDate: inDays(200), quantity: 40, unitCost: 150, locationId: locations.LAB });
    const again = await receive(item.id, 'LOT-A', 10, inDays(200), 'LAB', 250);
    expect(again).toMatchObject({ id: batch.id, quantity: 50, unitCost: 170 });
    const ledger = await pharmacist.list('stock-movements', { filter: { batchId: batch.id }, sort: ['createdAt', 'ASC'] });
    expect(ledger.body.map((m: any) => [m.kind, m.quantity, m.balanceAfter])).toEqual([['receipt', 40, 40], ['receipt', 10, 50]]);
    expect(ledger.body[0].createdBy).toBeTruthy();
    const [audit] = await sql(`SELECT user_email, after FROM audit_logs WHERE resource = 'stock-batches' AND action = 'receive' AND after->'input'->>'itemId' = :id ORDER BY id LIMIT 1`, { id: item.id });
    expect(audit).toMatchObject({ user_email: 'pharmacy@healthcare.com', after: { input: expect.objectContaining({ lotNumber: 'LOT-A', quantity: 40 }) } });
  });

  it('an already expired lot, a missing lot number or a bad quantity is a 400 and nothing is stored', async () => {
    const item = await newItem();
    const res = await pharmacist.post('/api/stock-batches/receive', { itemId: item.id, locationId: locations.LAB, lotNumber: '', expiryDate: inDays(-1), quantity: -5, unitCost: 1.5 });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors)).toEqual(expect.arrayContaining(['lotNumber', 'expiryDate', 'quantity', 'unitCost']));
    expect(await quantities(item.id)).toEqual({});
  });

  it('the same lot with another expiry date is a 409', async () => {
    const item = await newItem();
    await receive(item.id, 'LOT-X', 5, inDays(100));
    const res = await pharmacist.post('/api/stock-batches/receive', { itemId: item.id, locationId: locations.LAB, lotNumber: 'LOT-X', expiryDate: inDays(120), quantity: 5, unitCost: 150 });
    expect(res.status).toBe(409);
    expect(await quantities(item.id)).toEqual({ 'LOT-X': 5 });
  });
});

describe('issuing', () => {
  it('picks batches first-expiry-first-out across lots', async () => {
    const item = await newItem();
    await receive(item.id, 'LATE', 10, inDays(300));
    await receive(item.id, 'NO-EXPIRY', 10, null);
    await receive(item.id, 'SOON', 4, inDays(30));
    await receive(item.id, 'SOONER', 3, inDays(10));
    await receive(item.id, 'ELSEWHERE', 50, inDays(5), 'MAIN');
    const res = await lab.post('/api/stock-movements/issue', { itemId: item.id, locationId: locations.LAB, quantity: 12, reason: 'Daily run' });
    expect(res.status).toBe(200);
    expect(res.body.movements.map((m: any) => [m.lotNumber, m.quantity])).toEqual([['SOONER', 3], ['SOON', 4], ['LATE', 5]]);
    expect(await quantities(item.id)).toEqual({ SOONER: 0, SOON: 0, LATE: 5, 'NO-EXPIRY': 10, ELSEWHERE: 50 });
    expect(res.body.cost).toBe(12 * 150);
  });

  it('never issues an expired batch: asking for more than the unexpired stock is a 409 that changes nothing', async () => {
    const item = await newItem();
    // Stock that expired on the shelf (the API refuses expired receipts, so it comes in through the step).
    await receiveStock(db, { itemId: item.id, locationCode: 'LAB', lotNumber: 'EXPIRED', expiryDate: inDays(-3), quantity: 100, unitCost: 10 });
    await receive(item.id, 'GOOD', 6, inDays(60));
    const res = await lab.post('/api/stock-movements/issue', { itemId: item.id, locationId: locations.LAB, quantity: 7, reason: 'Daily run' });
    expect(res.status).toBe(409);
    expect(res.body.available).toBe(6);
    const ok = await lab.post('/api/stock-movements/issue', { itemId: item.id, locationId: locations.LAB, quantity: 6, reason: 'Daily run' });
    expect(ok.body.movements.map((m: any) => m.lotNumber)).toEqual(['GOOD']);
    expect(await quantities(item.id)).toEqual({ EXPIRED: 100, GOOD: 0 });
  });

  it('50 concurrent issues leave exactly the stock the movements say, never below zero', async () => {
    const item = await newItem();
    await receive(item.id, 'C1', 70, inDays(40));
    await receive(item.id, 'C2', 50, inDays(80));
    const results = await Promise.all(
      Array.from({ length: 50 }, () => lab.post('/api/stock-movements/issue', { itemId: item.id, locationId: locations.LAB, quantity: 3, reason: 'Concurrent run' })),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(40);
    expect(statuses.filter((s) => s === 409)).toHaveLength(10);
    expect(await quantities(item.id)).toEqual({ C1: 0, C2: 0 });
    const [ledger] = await sql<{ issued: number; movements: number }>(
      `SELECT -sum(quantity)::int AS issued, count(*)::int AS movements FROM stock_movements WHERE item_id = :id AND kind = 'issue'`,
      { id: item.id },
    );
    expect(ledger.issued).toBe(120);
    const [negative] = await sql(`SELECT count(*)::int AS n FROM stock_movements WHERE item_id = :id AND balance_after < 0`, { id: item.id });
    expect(negative).toEqual({ n: 0 });
  });

  it('issueStock joins the caller\'s transaction: a rollback undoes the stock change', async () => {
    const item = await newItem();
    await receive(item.id, 'R1', 10, inDays(40));
    await expect(
      db.transaction(async () => {
        await issueStock(db, { itemId: item.id, locationCode: 'LAB', quantity: 4, reason: 'Dispense' });
        throw new Error('dispense failed later');
      }),
    ).rejects.toThrow('dispense failed later');
    expect(await quantities(item.id)).toEqual({ R1: 10 });
  });

  it('returnStock puts back the batches issueStock took, once', async () => {
    const item = await newItem();
    await receive(item.id, 'A', 2, inDays(20));
    await receive(item.id, 'B', 5, inDays(50));
    const issued = await issueStock(db, { itemId: item.id, locationCode: 'LAB', quantity: 4, reason: 'Dispense', source: { resource: 'prescriptions', id: 'rx-1' } });
    expect(await quantities(item.id)).toEqual({ A: 0, B: 3 });
    expect(await returnStock(db, issued, { reason: 'Dispense cancelled' })).toEqual({ returned: 4 });
    expect(await returnStock(db, issued)).toEqual({ returned: 0 });
    expect(await returnStock(db, undefined)).toEqual({ returned: 0 });
    expect(await quantities(item.id)).toEqual({ A: 2, B: 5 });
  });
});

describe('corrections', () => {
  it('an adjustment needs a reason and cannot take a batch below zero', async () => {
    const item = await newItem();
    const batch = await receive(item.id, 'ADJ', 5, inDays(40));
    expect((await pharmacist.post(`/api/stock-batches/${batch.id}/adjust`, { quantity: -2 })).status).toBe(400);
    expect((await pharmacist.post(`/api/stock-batches/${batch.id}/adjust`, { quantity: -6, reason: 'Count' })).status).toBe(409);
    const ok = await pharmacist.post(`/api/stock-batches/${batch.id}/adjust`, { quantity: -2, reason: 'Two vials broken' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'applied', quantity: -2, onHand: 3 });
    const [m] = await sql(`SELECT kind, quantity, reason FROM stock_movements WHERE batch_id = :id AND kind = 'adjustment'`, { id: batch.id });
    expect(m).toEqual({ kind: 'adjustment', quantity: -2, reason: 'Two vials broken' });
  });

  it('a quantity is never written directly, and the ledger is never edited', async () => {
    const item = await newItem();
    const batch = await receive(item.id, 'LOCKED', 5, inDays(40));
    // No role holds `update` on batches: the PUT is refused before anything is read.
    expect((await pharmacist.put(`/api/stock-batches/${batch.id}`, { quantity: 500 })).status).toBe(403);
    expect((await pharmacist.post('/api/stock-batches', { itemId: item.id, quantity: 500 })).status).toBe(404);
    await expect(db.query(`UPDATE stock_batches SET quantity = 500 WHERE id = :id`, { replacements: { id: batch.id } })).rejects.toThrow(/only through a stock movement/);
    await expect(db.query(`UPDATE stock_movements SET quantity = 500 WHERE batch_id = :id`, { replacements: { id: batch.id } })).rejects.toThrow(/never changed/);
    const [m] = (await pharmacist.list('stock-movements', { filter: { batchId: batch.id } })).body;
    expect((await pharmacist.delete(`/api/stock-movements/${m.id}`)).status).toBe(403);
    expect(await quantities(item.id)).toEqual({ LOCKED: 5 });
  });

  it('a transfer moves part of a lot to another location with the same expiry', async () => {
    const item = await newItem();
    const batch = await receive(item.id, 'TR', 20, inDays(90), 'MAIN');
    const res = await pharmacist.post(`/api/stock-batches/${batch.id}/transfer`, { toLocationId: locations.LAB, quantity: 8 });
    expect(res.status).toBe(200);
    const rows = await sql(`SELECT l.code, b.quantity, b.expiry_date::text AS expiry FROM stock_batches b JOIN stock_locations l ON l.id = b.location_id WHERE item_id = :id ORDER BY l.code`, { id: item.id });
    expect(rows).toEqual([{ code: 'LAB', quantity: 8, expiry: inDays(90) }, { code: 'MAIN', quantity: 12, expiry: inDays(90) }]);
    expect((await pharmacist.post(`/api/stock-batches/${batch.id}/transfer`, { toLocationId: locations.LAB, quantity: 13 })).status).toBe(409);
  });

  it('an expired batch is written off whole; an unexpired one is not', async () => {
    const item = await newItem();
    const { batchId } = await receiveStock(db, { itemId: item.id, locationCode: 'LAB', lotNumber: 'OLD', expiryDate: inDays(-1), quantity: 9, unitCost: 10 });
    const fresh = await receive(item.id, 'NEW', 3, inDays(30));
    expect((await pharmacist.post(`/api/stock-batches/${fresh.id}/write-off`, { reason: 'Expired on shelf' })).status).toBe(409);
    const res = await pharmacist.post(`/api/stock-batches/${batchId}/write-off`, { reason: 'Expired on shelf' });
    expect(res.body.writtenOff).toBe(9);
    expect(await quantities(item.id)).toEqual({ OLD: 0, NEW: 3 });
  });
});

describe('reports', () => {
  it('lists stock below reorder level, batches expiring within N days and the stock value', async () => {
    const item = await newItem({ reorderLevel: 10 });
    await receive(item.id, 'LOW', 4, inDays(12), 'DISP', 1000);
    await receiveStock(db, { itemId: item.id, locationCode: 'DISP', lotNumber: 'GONE', expiryDate: inDays(-2), quantity: 50, unitCost: 1000 });
    const below = await pharmacist.get('/api/stock-items/below-reorder');
    expect(below.body.find((r: any) => r.id === item.id)).toMatchObject({ onHand: 4, reorderLevel: 10 });
    // A location's list holds what it stocks, not every item it never kept.
    const neverStocked = await newItem({ reorderLevel: 10 });
    expect(below.body.find((r: any) => r.id === neverStocked.id)).toBeUndefined();
    const overall = (await pharmacist.get('/api/stock-items/below-reorder')).body;
    expect(overall.find((r: any) => r.id === neverStocked.id)).toMatchObject({ onHand: 0 });
    const atDispensary = (await pharmacist.get(`/api/stock-items/below-reorder?locationId=${locations.DISP}`)).body;
    expect(atDispensary.find((r: any) => r.id === item.id)).toMatchObject({ onHand: 4 });
    expect(atDispensary.find((r: any) => r.id === neverStocked.id)).toBeUndefined();
    const within7 = await pharmacist.get('/api/stock-batches/expiring?days=7');
    expect(within7.body.filter((b: any) => b.itemId === item.id).map((b: any) => [b.lotNumber, b.expired])).toEqual([['GONE', true]]);
    const within14 = await pharmacist.get('/api/stock-batches/expiring?days=14');
    expect(within14.body.filter((b: any) => b.itemId === item.id).map((b: any) => b.lotNumber)).toEqual(['GONE', 'LOW']);
    expect((await pharmacist.get('/api/stock-batches/expiring?days=abc')).status).toBe(400);
    const before = (await pharmacist.get('/api/stock-batches/stock-value')).body;
    await receive(item.id, 'MORE', 2, inDays(100), 'DISP', 500);
    const after = (await pharmacist.get('/api/stock-batches/stock-value')).body;
    expect(after.total - before.total).toBe(1000);
    expect(after.byLocation.find((l: any) => l.locationCode === 'DISP').expired).toBeGreaterThanOrEqual(50_000);
    const kpi = await pharmacist.get('/api/kpis/inventory-expiring?days=7');
    expect(kpi.body.count).toBeGreaterThan(0);
  });
});

describe('access', () => {
  it('the laboratory issues and receives but cannot adjust; physicians and cashiers see no stock', async () => {
    const item = await newItem();
    const batch = await receive(item.id, 'ACC', 5, inDays(40));
    expect((await lab.post(`/api/stock-batches/${batch.id}/adjust`, { quantity: 1, reason: 'Found one' })).status).toBe(403);
    expect((await lab.post('/api/stock-items', { code: `X-${unique()}`, name: 'x', unit: 'x', category: 'x' })).status).toBe(403);
    expect((await physician.list('stock-batches')).status).toBe(403);
    const cashier = await server.login('cashier@healthcare.com');
    expect((await cashier.post('/api/stock-movements/issue', { itemId: item.id, locationId: locations.LAB, quantity: 1, reason: 'x' })).status).toBe(403);
    expect(await quantities(item.id)).toEqual({ ACC: 5 });
  });
});
