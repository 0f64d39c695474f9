import { QueryTypes, type Sequelize } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, unique, type Api, type TestServer } from '../../tests/support/harness.js';

let server: TestServer;
let db: Sequelize;
let pharmacist: Api;
let head: Api;
let lab: Api;
let dispensary: string;

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const sql = <T extends object = any>(text: string, replacements: Record<string, unknown> = {}) => db.query<T>(text, { type: QueryTypes.SELECT, replacements });

beforeAll(async () => {
  server = await startServer({ only: ['inventory'] });
  db = server.host.db.sequelize;
  pharmacist = await server.login('pharmacy@healthcare.com');
  head = await server.login('facility_head@healthcare.com');
  lab = await server.login('laboratory@healthcare.com');
  dispensary = (await pharmacist.list('stock-locations', { filter: { code: 'DISP' } })).body[0].id;
});
afterAll(() => server?.close());

/** A lot of a tablet of this test only: `quantity` tablets at 10.00 each (1000 minor units). */
async function lot(quantity = 100, unitCost = 1000) {
  const item = await pharmacist.post('/api/stock-items', { code: `T-${unique()}`, name: 'Test tablet', unit: 'tablet', category: 'Medicine', reorderLevel: 0 });
  expect(item.status).toBe(201);
  const res = await pharmacist.post('/api/stock-batches/receive', { itemId: item.body.id, locationId: dispensary, lotNumber: `LOT-${unique()}`, expiryDate: inDays(200), quantity, unitCost });
  expect(res.status).toBe(200);
  return res.body as { id: string; itemId: string; lotNumber: string };
}

const onHand = async (batchId: string) => (await sql<{ quantity: number }>(`SELECT quantity FROM stock_batches WHERE id = :batchId`, { batchId }))[0].quantity;
const adjustmentMoves = (batchId: string) => sql(`SELECT quantity, reason, source_resource, source_id, created_by FROM stock_movements WHERE batch_id = :batchId AND kind = 'adjustment'`, { batchId });
const userId = async (email: string) => (await sql<{ id: string }>(`SELECT id FROM users WHERE email = :email`, { email }))[0].id;

describe('a stock adjustment', () => {
  it('worth less than the threshold applies at once, with its ledger row, its request record and audit rows', async () => {
    const batch = await lot();
    const res = await pharmacist.post(`/api/stock-batches/${batch.id}/adjust`, { quantity: -5, reason: 'Five tablets crushed' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'applied', quantity: -5, value: 5_000, onHand: 95, approvalId: null, approvalRequired: null });
    expect(await onHand(batch.id)).toBe(95);
    expect(await adjustmentMoves(batch.id)).toEqual([
      { quantity: -5, reason: 'Five tablets crushed', source_resource: 'stock-adjustments', source_id: res.body.adjustmentId, created_by: await userId('pharmacy@healthcare.com') },
    ]);
    const listed = (await pharmacist.list('stock-adjustments', { filter: { batchId: batch.id } })).body;
    expect(listed).toEqual([expect.objectContaining({ id: res.body.adjustmentId, status: 'applied', value: 5_000, unitCost: 1_000, reason: 'Five tablets crushed' })]);
    const audits = await sql(`SELECT resource, action FROM audit_logs WHERE record_id IN (:ids) ORDER BY id`, { ids: [batch.id, res.body.adjustmentId] });
    expect(audits).toEqual(expect.arrayContaining([{ resource: 'stock-batches', action: 'adjust' }, { resource: 'stock-adjustments', action: 'create' }]));
  });

  it('worth more than the threshold waits for the facility head and moves nothing', async () => {
    const batch = await lot();
    const res = await pharmacist.post(`/api/stock-batches/${batch.id}/adjust`, { quantity: -60, reason: 'Carton water-damaged' });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: 'pending-approval', value: 60_000, onHand: 100, approvalRequired: { chain: ['facility_head'], ruleSet: 'inventory.stock-adjustment-approval' } });
    expect(res.body.adjustmentId).toBeTruthy();
    expect(res.body.message).toMatch(/needs approval.*facility_head/);
    expect(await onHand(batch.id)).toBe(100);
    expect(await adjustmentMoves(batch.id)).toEqual([]);
    const inbox = (await head.get('/api/approvals/inbox')).body;
    const waiting = inbox.find((a: any) => a.id === res.body.approvalId);
    expect(waiting).toMatchObject({ resource: 'stock-adjustments', recordId: res.body.adjustmentId, role: 'facility_head' });
    expect(waiting.summary).toContain(`lot ${batch.lotNumber}`);
    expect(waiting.summary).toContain('-60 tablet of Test tablet');
    expect(waiting.summary).toContain('600.00');
    expect(waiting.summary).toContain('Carton water-damaged');
  });

  it('the facility head approves it: the stock moves with its ledger row; a pharmacist cannot approve', async () => {
    const batch = await lot();
    const asked = await pharmacist.post(`/api/stock-batches/${batch.id}/adjust`, { quantity: -60, reason: 'Carton water-damaged' });
    expect((await pharmacist.post(`/api/approvals/${asked.body.approvalId}/approve`, {})).status).toBe(403);
    expect(await onHand(batch.id)).toBe(100);

    const approved = await head.post(`/api/approvals/${asked.body.approvalId}/approve`, { comment: 'seen the carton' });
    expect(approved.status).toBe(200);
    expect(await onHand(batch.id)).toBe(40);
    const [move] = await adjustmentMoves(batch.id);
    expect(move).toEqual({ quantity: -60, reason: 'Carton water-damaged', source_resource: 'stock-adjustments', source_id: asked.body.adjustmentId, created_by: await userId('facility_head@healthcare.com') });
    const adjustment = (await head.get(`/api/stock-adjustments/${asked.body.adjustmentId}`)).body;
    expect(adjustment).toMatchObject({ status: 'applied', decidedBy: await userId('facility_head@healthcare.com'), decisionComment: 'seen the carton', requestedBy: await userId('pharmacy@healthcare.com') });
    expect(adjustment.movementId).toBeTruthy();
    const [audit] = await sql(`SELECT user_email, after FROM audit_logs WHERE resource = 'stock-adjustments' AND record_id = :id AND action = 'approve'`, { id: asked.body.adjustmentId });
    expect(audit).toMatchObject({ user_email: 'facility_head@healthcare.com', after: { status: 'applied' } });
    expect((await head.post(`/api/approvals/${asked.body.approvalId}/approve`, {})).status).toBe(409);
    expect(await onHand(batch.id)).toBe(40);
  });

  it('a rejection needs a reason and moves nothing', async () => {
    const batch = await lot();
    const asked = await pharmacist.post(`/api/stock-batches/${batch.id}/adjust`, { quantity: 80, reason: 'Found a carton' });
    expect(asked.status).toBe(202);
    expect((await head.post(`/api/approvals/${asked.body.approvalId}/reject`, {})).status).toBe(400);
    const rejected = await head.post(`/api/approvals/${asked.body.approvalId}/reject`, { comment: 'count it again with a witness' });
    expect(rejected.status).toBe(200);
    expect(await onHand(batch.id)).toBe(100);
    expect(await adjustmentMoves(batch.id)).toEqual([]);
    expect((await pharmacist.get(`/api/stock-adjustments/${asked.body.adjustmentId}`)).body).toMatchObject({ status: 'refused', decisionComment: 'count it again with a witness', movementId: null });
  });

  it('approving when the lot no longer holds enough is a 409 that leaves the request and its approval pending', async () => {
    const batch = await lot();
    const asked = await pharmacist.post(`/api/stock-batches/${batch.id}/adjust`, { quantity: -90, reason: 'Expired carton found' });
    expect(asked.status).toBe(202);
    // Meanwhile most of the lot is issued.
    expect((await pharmacist.post('/api/stock-movements/issue', { itemId: batch.itemId, locationId: dispensary, quantity: 30, reason: 'Dispensed' })).status).toBe(200);
    const approved = await head.post(`/api/approvals/${asked.body.approvalId}/approve`, {});
    expect(approved.status).toBe(409);
    expect(approved.body.message).toMatch(/holds 70.*Reject this request/);
    expect(await onHand(batch.id)).toBe(70);
    expect((await head.get(`/api/stock-adjustments/${asked.body.adjustmentId}`)).body.status).toBe('pending-approval');
    expect((await head.get(`/api/approvals/${asked.body.approvalId}`)).body.status).toBe('pending');
    expect((await head.post(`/api/approvals/${asked.body.approvalId}/reject`, { comment: 'count again' })).status).toBe(200);
  });

  it('bad input is a 400 naming the fields; more than the lot holds is a 409; neither writes anything', async () => {
    const batch = await lot(10);
    const bad = await pharmacist.post(`/api/stock-batches/${batch.id}/adjust`, {});
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors)).toEqual(expect.arrayContaining(['quantity', 'reason']));
    expect((await pharmacist.post(`/api/stock-batches/${batch.id}/adjust`, { quantity: 1.5, reason: 'half a tablet' })).status).toBe(400);
    const tooMuch = await pharmacist.post(`/api/stock-batches/${batch.id}/adjust`, { quantity: -100, reason: 'Lost the lot' });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.errors.quantity).toBe('at least -10');
    expect((await pharmacist.list('stock-adjustments', { filter: { batchId: batch.id } })).body).toEqual([]);
    expect(await onHand(batch.id)).toBe(10);
  });

  it('the dialog can ask beforehand what an adjustment is worth and whether it will need approval', async () => {
    const batch = await lot();
    const small = await pharmacist.get(`/api/stock-batches/${batch.id}/adjust-check?quantity=-5`);
    expect(small.body).toMatchObject({ value: 5_000, onHand: 100, balanceAfter: 95, approvalRequired: null });
    const large = await pharmacist.get(`/api/stock-batches/${batch.id}/adjust-check?quantity=-60`);
    expect(large.body).toMatchObject({ value: 60_000, approvalRequired: { chain: ['facility_head'] } });
    expect((await pharmacist.get(`/api/stock-batches/${batch.id}/adjust-check?quantity=abc`)).status).toBe(400);
    expect((await lab.get(`/api/stock-batches/${batch.id}/adjust-check?quantity=1`)).status).toBe(403);
    expect((await pharmacist.list('stock-adjustments', { filter: { batchId: batch.id } })).body).toEqual([]);
  });

  it('editing the threshold in the rule set changes the next decision', async () => {
    const [set] = (await head.list('workflow-rules', { filter: { q: 'inventory.stock-adjustment-approval' } })).body;
    expect(set).toMatchObject({ event: 'stock.adjustment.requested' });
    const shipped = (await head.get(`/api/workflow-rules/${set.id}`)).body;
    const rules = JSON.parse(JSON.stringify(shipped.rules));
    rules[0].conditions.all[0].value = 1_000;
    const edited = await head.put(`/api/workflow-rules/${set.id}`, { rules, comment: 'tighter control this quarter' });
    expect(edited.status).toBe(200);
    try {
      const batch = await lot();
      expect((await pharmacist.post(`/api/stock-batches/${batch.id}/adjust`, { quantity: -2, reason: 'Two tablets dropped' })).status).toBe(202);
    } finally {
      expect((await head.post(`/api/workflow-rules/${set.id}/activate`, { versionId: shipped.activeVersionId })).status).toBe(200);
    }
    const batch = await lot();
    expect((await pharmacist.post(`/api/stock-batches/${batch.id}/adjust`, { quantity: -2, reason: 'Two tablets dropped' })).status).toBe(200);
  });

  it('the facility head and the pharmacy read the adjustments; the laboratory does not', async () => {
    expect((await head.list('stock-adjustments', { filter: { status: 'pending-approval' } })).status).toBe(200);
    expect((await lab.list('stock-adjustments')).status).toBe(403);
    expect((await lab.post(`/api/stock-batches/${(await lot()).id}/adjust`, { quantity: 1, reason: 'Found one' })).status).toBe(403);
  });
});
