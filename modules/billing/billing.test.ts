import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryTypes } from 'sequelize';
import { startServer, unique, type Api, type TestServer } from '../../tests/support/harness.js';
import { cancelCharge, charge, draftInvoiceOf, newVisit, registerPatient } from './tests/fixtures.js';

let server: TestServer;
let clerk: Api;
let cashier: Api;
let head: Api;
let pharmacist: Api;

beforeAll(async () => {
  server = await startServer({ only: ['billing'] });
  clerk = await server.login('registration@healthcare.com');
  cashier = await server.login('cashier@healthcare.com');
  head = await server.login('facility_head@healthcare.com');
  pharmacist = await server.login('pharmacy@healthcare.com');
});
afterAll(() => server?.close());

const sql = <T extends object>(query: string, replacements: Record<string, unknown> = {}) =>
  server.host.db.sequelize.query<T>(query, { type: QueryTypes.SELECT, replacements });

/** A patient with an issued invoice of one general consultation (15.00) and 10 paracetamol (0.20). */
async function issuedInvoice() {
  const p = await registerPatient(clerk);
  await charge(server, { patientId: p.id, priceCode: 'CONSULT-GOPD' });
  await charge(server, { patientId: p.id, priceCode: 'DRUG-PARA-500', department: 'Pharmacy', quantity: 10 });
  const draft = await draftInvoiceOf(cashier, p.id);
  const issued = await cashier.post(`/api/invoices/${draft.id}/issue`);
  expect(issued.status).toBe(200);
  return issued.body;
}

async function openSession(api: Api, openingFloat = 5000) {
  const res = await api.post('/api/cash-sessions', { openingFloat });
  if (res.status === 409) {
    const open = (await api.list('cash-sessions', { filter: { status: 'open' } })).body[0];
    return open;
  }
  expect(res.status).toBe(201);
  return res.body;
}

describe('invoices from charges', () => {
  it('charges of a patient gather on one draft invoice priced from the tariff, and a cancelled charge leaves the total', async () => {
    const p = await registerPatient(clerk);
    await charge(server, { patientId: p.id, priceCode: 'CONSULT-GOPD' });
    const lab = await charge(server, { patientId: p.id, priceCode: 'LAB-FBC', department: 'Laboratory' });
    await charge(server, { patientId: p.id, priceCode: 'DRUG-AMOX-500', department: 'Pharmacy', quantity: 15 });
    let invoice = await draftInvoiceOf(cashier, p.id);
    expect(invoice.lines.map((l: any) => [l.priceCode, l.quantity, l.unitPrice, l.amount])).toEqual([
      ['CONSULT-GOPD', 1, 1500, 1500],
      ['LAB-FBC', 1, 1200, 1200],
      ['DRUG-AMOX-500', 15, 10, 150],
    ]);
    expect(invoice).toMatchObject({ status: 'draft', total: 2850, patientShare: 2850, insurerShare: 0, balance: 2850, currency: 'USD', patientMrn: p.mrn });

    await cancelCharge(server, lab);
    invoice = await draftInvoiceOf(cashier, p.id);
    expect(invoice.total).toBe(1650);
    expect(invoice.lines.find((l: any) => l.priceCode === 'LAB-FBC').status).toBe('cancelled');
    const audit = await sql<{ action: string }>(`SELECT action FROM audit_logs WHERE resource = 'invoices' AND record_id = :id ORDER BY id`, { id: invoice.id });
    expect(audit.map((a) => a.action)).toEqual(['charge', 'charge', 'charge', 'charge-cancelled']);
  });

  it('each visit gets its own invoice', async () => {
    const p = await registerPatient(clerk);
    const [v1, v2] = [await newVisit(server, p.id, 0), await newVisit(server, p.id, 1)];
    await charge(server, { patientId: p.id, visitId: v1, priceCode: 'CONSULT-GOPD' });
    await charge(server, { patientId: p.id, visitId: v2, priceCode: 'CONSULT-FOLLOWUP' });
    await charge(server, { patientId: p.id, visitId: v1, priceCode: 'LAB-MRDT', department: 'Laboratory' });
    const first = (await cashier.list('invoices', { filter: { visitId: v1 } })).body;
    const second = (await cashier.list('invoices', { filter: { visitId: v2 } })).body;
    expect(first.map((i: any) => i.total)).toEqual([1900]);
    expect(second.map((i: any) => i.total)).toEqual([800]);
  });

  it('a charge delivered twice is billed once', async () => {
    const p = await registerPatient(clerk);
    const facts = await charge(server, { patientId: p.id, priceCode: 'CONSULT-GOPD' });
    await charge(server, facts);
    expect((await draftInvoiceOf(cashier, p.id)).lines).toHaveLength(1);
  });

  it('a code missing from the tariff waits unpriced and blocks issuing until the tariff has it', async () => {
    const p = await registerPatient(clerk);
    const code = `NEW-${unique().toUpperCase()}`.slice(0, 30);
    await charge(server, { patientId: p.id, priceCode: code, description: 'New service' });
    const draft = await draftInvoiceOf(cashier, p.id);
    expect(draft.lines[0]).toMatchObject({ priced: false, unitPrice: 0 });
    const refused = await cashier.post(`/api/invoices/${draft.id}/issue`);
    expect(refused.status).toBe(409);
    expect(refused.body.unpricedCodes).toEqual([code]);
    expect((await head.post('/api/price-lists', { code, description: 'New service', department: 'Outpatient', category: 'other', unitPrice: 700 })).status).toBe(201);
    const issued = await cashier.post(`/api/invoices/${draft.id}/issue`);
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({ status: 'issued', total: 700, patientShare: 700 });
  });

  it('a discount with its reason lowers a draft line and the totals', async () => {
    const p = await registerPatient(clerk);
    await charge(server, { patientId: p.id, priceCode: 'CONSULT-GOPD' });
    const draft = await draftInvoiceOf(cashier, p.id);
    const bad = await cashier.post(`/api/invoices/${draft.id}/discount`, { lineId: draft.lines[0].id, discount: 5000, reason: 'staff relative' });
    expect(bad.status).toBe(400);
    const res = await cashier.post(`/api/invoices/${draft.id}/discount`, { lineId: draft.lines[0].id, discount: 500, reason: 'staff relative' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 1000, discountTotal: 500, patientShare: 1000 });
  });
});

describe('payments', () => {
  it('a card payment moves the invoice to partially paid, then paid; overpaying is a 409 that changes nothing', async () => {
    const invoice = await issuedInvoice();
    expect(invoice).toMatchObject({ status: 'issued', total: 1520, balance: 1520 });
    const first = await cashier.post('/api/payments', { invoiceId: invoice.id, amount: 1000, method: 'card', reference: 'POS-1' });
    expect(first.status).toBe(201);
    expect(first.body.receiptNumber).toMatch(/^R\d{8}$/);
    expect((await cashier.get(`/api/invoices/${invoice.id}`)).body).toMatchObject({ status: 'partially-paid', patientPaid: 1000, balance: 520 });

    const over = await cashier.post('/api/payments', { invoiceId: invoice.id, amount: 521, method: 'card' });
    expect(over.status).toBe(409);
    expect(over.body.errors.amount).toBe('at most 520');
    expect((await cashier.list('payments', { filter: { invoiceId: invoice.id } })).body).toHaveLength(1);

    const rest = await cashier.post('/api/payments', { invoiceId: invoice.id, amount: 520, method: 'mobile-money', reference: 'MPESA-XYZ' });
    expect(rest.status).toBe(201);
    expect((await cashier.get(`/api/invoices/${invoice.id}`)).body).toMatchObject({ status: 'paid', balance: 0 });
  });

  it('a draft invoice cannot take a payment, and bad input is a 400 with per-field errors', async () => {
    const p = await registerPatient(clerk);
    await charge(server, { patientId: p.id, priceCode: 'CONSULT-GOPD' });
    const draft = await draftInvoiceOf(cashier, p.id);
    expect((await cashier.post('/api/payments', { invoiceId: draft.id, amount: 100, method: 'card' })).status).toBe(409);
    const bad = await cashier.post('/api/payments', { invoiceId: 'nope', amount: 10.5, method: 'cheque' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors).sort()).toEqual(['amount', 'invoiceId', 'method']);
  });

  it('cash needs an open cash session', async () => {
    const invoice = await issuedInvoice();
    const other = await server.login('admin@healthcare.com');
    expect((await other.post('/api/payments', { invoiceId: invoice.id, amount: 100, method: 'cash' })).status).toBe(403);
    const sessions = (await cashier.list('cash-sessions', { filter: { status: 'open' } })).body;
    for (const s of sessions) await cashier.post(`/api/cash-sessions/${s.id}/close`, { countedCash: 0 });
    const refused = await cashier.post('/api/payments', { invoiceId: invoice.id, amount: 100, method: 'cash' });
    expect(refused.status).toBe(409);
    expect(refused.body.errors.method).toBe('no open cash session');
  });

  it('receipt numbers have no gaps under concurrent payments and failed ones', async () => {
    const invoices = await Promise.all(Array.from({ length: 6 }, () => issuedInvoice()));
    const [{ before }] = await sql<{ before: string }>(`SELECT value AS before FROM billing_counters WHERE name = 'receipt'`);
    // 24 payments of 100 against invoices owing 1520 each, plus 6 that overpay and must fail.
    const attempts = invoices.flatMap((inv) => [...Array.from({ length: 4 }, () => ({ id: inv.id, amount: 100 })), { id: inv.id, amount: 5000 }]);
    const results = await Promise.all(attempts.map((a) => cashier.post('/api/payments', { invoiceId: a.id, amount: a.amount, method: 'card' })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(24);
    expect(results.filter((r) => r.status === 409)).toHaveLength(6);
    const numbers = results.filter((r) => r.status === 201).map((r) => Number(r.body.receiptNumber.slice(1))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 24 }, (_, i) => Number(before) + 1 + i));
    for (const inv of invoices) expect((await cashier.get(`/api/invoices/${inv.id}`)).body.patientPaid).toBe(400);
  });

  it('a refund is a negative payment with its reason and its own receipt; the PDF receipt prints', async () => {
    const invoice = await issuedInvoice();
    const paid = (await cashier.post('/api/payments', { invoiceId: invoice.id, amount: 1520, method: 'card' })).body;
    expect((await cashier.post(`/api/payments/${paid.id}/refund`, { amount: 500 })).status).toBe(400);
    const refund = await cashier.post(`/api/payments/${paid.id}/refund`, { amount: 520, reason: 'paracetamol returned unopened' });
    expect(refund.status).toBe(200);
    expect(refund.body).toMatchObject({ kind: 'refund', amount: -520, reason: 'paracetamol returned unopened', refundOf: paid.id });
    expect(Number(refund.body.receiptNumber.slice(1))).toBeGreaterThan(Number(paid.receiptNumber.slice(1)));
    expect((await cashier.post(`/api/payments/${paid.id}/refund`, { amount: 1001, reason: 'too much back' })).status).toBe(409);
    expect((await cashier.get(`/api/invoices/${invoice.id}`)).body).toMatchObject({ status: 'partially-paid', patientPaid: 1000, balance: 520 });
    const pdf = await fetch(`${server.url}/api/payments/${paid.id}/pdf`, { headers: { authorization: `Bearer ${cashier.token}` } });
    expect(pdf.status).toBe(200);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 4).toString()).toBe('%PDF');
  });

  it('payments are never changed or deleted', async () => {
    const invoice = await issuedInvoice();
    const paid = (await cashier.post('/api/payments', { invoiceId: invoice.id, amount: 100, method: 'card' })).body;
    expect((await cashier.delete(`/api/payments/${paid.id}`)).status).toBe(403);
    await expect(sql(`UPDATE payments SET amount = 1 WHERE id = :id`, { id: paid.id })).rejects.toThrow(/never changed/);
  });
});

describe('void', () => {
  it('a cashier asks for a void with a reason, after refunds; the facility head approves it in the inbox; nothing is deleted', async () => {
    const invoice = await issuedInvoice();
    expect((await cashier.post(`/api/invoices/${invoice.id}/request-void`, {})).status).toBe(400);
    const paid = (await cashier.post('/api/payments', { invoiceId: invoice.id, amount: 300, method: 'card' })).body;
    expect((await cashier.post(`/api/invoices/${invoice.id}/request-void`, { reason: 'billed to the wrong patient' })).status).toBe(409);
    await cashier.post(`/api/payments/${paid.id}/refund`, { amount: 300, reason: 'invoice to be voided' });
    const asked = await cashier.post(`/api/invoices/${invoice.id}/request-void`, { reason: 'billed to the wrong patient' });
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({ status: 'issued', voidRequestReason: 'billed to the wrong patient' });
    expect((await cashier.post(`/api/invoices/${invoice.id}/request-void`, { reason: 'asked twice by mistake' })).status).toBe(409);

    // The cashier cannot decide; the facility head does, in the approvals inbox.
    expect((await cashier.post(`/api/approvals/${asked.body.approvalId}/approve`, {})).status).toBe(403);
    const approved = await head.post(`/api/approvals/${asked.body.approvalId}/approve`, { comment: 'confirmed with registration' });
    expect(approved.status).toBe(200);
    const after = (await cashier.get(`/api/invoices/${invoice.id}`)).body;
    expect(after).toMatchObject({ status: 'void', voidReason: 'billed to the wrong patient' });
    expect(after.lines).toHaveLength(2);
    expect(after.payments).toHaveLength(2);
    const [audit] = await sql<{ user_email: string; after: any }>(`SELECT user_email, after FROM audit_logs WHERE resource = 'invoices' AND record_id = :id AND action = 'request-void'`, { id: invoice.id });
    expect(audit).toMatchObject({ user_email: 'cashier@healthcare.com', after: { input: { reason: 'billed to the wrong patient' } } });
  });

  it('a payment taken while the void waits makes its approval refuse: the invoice stays, the approval stays pending', async () => {
    const invoice = await issuedInvoice();
    const asked = await cashier.post(`/api/invoices/${invoice.id}/request-void`, { reason: 'duplicate of another invoice' });
    expect(asked.status).toBe(200);
    expect((await cashier.post('/api/payments', { invoiceId: invoice.id, amount: 500, method: 'card', reference: `CARD-${unique()}` })).status).toBe(201);
    const refused = await head.post(`/api/approvals/${asked.body.approvalId}/approve`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain(`Invoice ${invoice.number} has received payments`);
    expect((await cashier.get(`/api/invoices/${invoice.id}`)).body).toMatchObject({ status: 'partially-paid', voidedAt: null, patientPaid: 500 });
    expect((await head.get(`/api/approvals/${asked.body.approvalId}`)).body).toMatchObject({ status: 'pending' });
  });
});

describe('cash sessions', () => {
  it('a till closed with a difference above the threshold waits for the facility head', async () => {
    const s = (await cashier.list('cash-sessions', { filter: { status: 'open' } })).body;
    for (const open of s) await cashier.post(`/api/cash-sessions/${open.id}/close`, { countedCash: 0 });
    const session = await openSession(cashier, 10_000);
    const invoice = await issuedInvoice();
    expect((await cashier.post('/api/payments', { invoiceId: invoice.id, amount: 1520, method: 'cash' })).status).toBe(201);
    expect((await cashier.get(`/api/cash-sessions/${session.id}`)).body.expectedCash).toBe(11_520);

    const closed = await cashier.post(`/api/cash-sessions/${session.id}/close`, { countedCash: 9_000, note: 'short' });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'pending-approval', expectedCash: 11_520, countedCash: 9_000, difference: -2_520 });
    const [approval] = (await head.list('approvals', { filter: { resource: 'cash-sessions', recordId: session.id } })).body;
    expect(approval).toMatchObject({ status: 'pending', role: 'facility_head' });
    expect((await cashier.post(`/api/approvals/${approval.id}/approve`, {})).status).toBe(403);
    expect((await head.post(`/api/approvals/${approval.id}/approve`, { comment: 'a refund paid out without a slip' })).status).toBe(200);
    expect((await head.get(`/api/cash-sessions/${session.id}`)).body).toMatchObject({ status: 'closed', approvalNote: 'a refund paid out without a slip' });
  });

  it('a small difference closes the till at once', async () => {
    const session = await openSession(cashier, 2_000);
    const closed = await cashier.post(`/api/cash-sessions/${session.id}/close`, { countedCash: 1_950 });
    expect(closed.body).toMatchObject({ status: 'closed', difference: -50 });
  });
});

describe('tariff and access', () => {
  it('a re-seed never overwrites a price the facility edited', async () => {
    const [row] = await sql<{ id: string }>(`SELECT id FROM price_lists WHERE code = 'LAB-CRP'`);
    if (!row) throw new Error('LAB-CRP is not in the seeded tariff');
    const edited = await head.put(`/api/price-lists/${row.id}`, { unitPrice: 1350 });
    expect(edited.status).toBe(200);
    const billing = server.host.modules.find((m) => m.id === 'billing')!;
    await billing.seeds!.base!(server.host.contextOf('billing'));
    expect((await head.get(`/api/price-lists/${row.id}`)).body.unitPrice).toBe(1350);
  });

  it('a pharmacist cannot take payments; a cashier cannot change the tariff', async () => {
    const invoice = await issuedInvoice();
    expect((await pharmacist.post('/api/payments', { invoiceId: invoice.id, amount: 100, method: 'card' })).status).toBe(403);
    expect((await pharmacist.list('invoices')).status).toBe(403);
    expect((await cashier.post('/api/price-lists', { code: 'X-1', description: 'x', department: 'x', category: 'other', unitPrice: 1 })).status).toBe(403);
  });

  it('KPIs: revenue per day by department, payment methods, receivables by age', async () => {
    const revenue = await head.get('/api/kpis/billing-revenue-per-day');
    expect(revenue.status).toBe(200);
    expect(revenue.body.some((r: any) => r.department === 'Pharmacy' && r.amount > 0)).toBe(true);
    const methods = await head.get('/api/kpis/billing-payment-methods');
    expect(methods.body.map((m: any) => m.method)).toEqual(expect.arrayContaining(['card', 'cash']));
    const aging = await head.get('/api/kpis/billing-receivables-aging');
    expect(aging.body.map((b: any) => b.band)).toEqual(['0-30', '31-60', '61-90', '90+']);
    expect(aging.body[0].patients).toBeGreaterThan(0);
  });
});
