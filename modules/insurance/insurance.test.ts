import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryTypes } from 'sequelize';
import { startServer, unique, type Api, type TestServer } from '../../tests/support/harness.js';
import { charge, draftInvoiceOf, registerPatient } from '../billing/tests/fixtures.js';

let server: TestServer;
let clerk: Api;
let cashier: Api;
let head: Api;
let physician: Api;
let payer: { id: string; code: string };

const year = new Date().getUTCFullYear();
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  server = await startServer({ only: ['insurance'] });
  clerk = await server.login('registration@healthcare.com');
  cashier = await server.login('cashier@healthcare.com');
  head = await server.login('facility_head@healthcare.com');
  physician = await server.login('physician@healthcare.com');
  payer = await newPayer();
});

/** A payer of one test only, so its claims see only that test's invoices. */
async function newPayer() {
  const code = `T${unique().toUpperCase()}`.slice(0, 20);
  const res = await head.post('/api/insurance-payers', { code, name: 'Test Mutual', copayPercent: 20, excludedPriceCodes: ['DENT-SCALING'] });
  expect(res.status).toBe(201);
  return res.body;
}
afterAll(() => server?.close());

async function insuredPatient(validFrom = `${year - 1}-01-01`, validTo: string | null = `${year + 1}-12-31`) {
  const p = await registerPatient(clerk);
  const ins = await clerk.post('/api/patient-insurances', { patientId: p.id, payerCode: payer.code, payerName: 'Test Mutual', memberNumber: `M-${unique()}`, validFrom, validTo });
  expect(ins.status).toBe(201);
  return p;
}

async function insuredInvoice() {
  const p = await insuredPatient();
  await charge(server, { patientId: p.id, priceCode: 'CONSULT-GOPD' });
  await charge(server, { patientId: p.id, priceCode: 'DENT-SCALING', department: 'Dental' });
  await charge(server, { patientId: p.id, priceCode: 'DRUG-AMOX-500', department: 'Pharmacy', quantity: 15 });
  const draft = await draftInvoiceOf(cashier, p.id);
  return (await cashier.post(`/api/invoices/${draft.id}/issue`)).body;
}

describe('coverage on invoices', () => {
  it('the insurer pays covered lines less the co-payment; an excluded item is the patient\'s', async () => {
    const invoice = await insuredInvoice();
    const full = (await cashier.get(`/api/invoices/${invoice.id}`)).body;
    const byCode = Object.fromEntries(full.lines.map((l: any) => [l.priceCode, l]));
    // 15.00 consultation: patient 20% = 3.00, insurer 12.00.
    expect(byCode['CONSULT-GOPD']).toMatchObject({ amount: 1500, patientAmount: 300, insurerAmount: 1200 });
    // Scaling is excluded by this payer: all 35.00 on the patient.
    expect(byCode['DENT-SCALING']).toMatchObject({ amount: 3500, patientAmount: 3500, insurerAmount: 0, coverageNote: `excluded by ${payer.code}` });
    // 15 x 0.10 = 1.50: patient 0.30, insurer 1.20.
    expect(byCode['DRUG-AMOX-500']).toMatchObject({ amount: 150, patientAmount: 30, insurerAmount: 120 });
    expect(full).toMatchObject({ payerCode: payer.code, total: 5150, insurerShare: 1320, patientShare: 3830, balance: 3830 });
  });

  it('insurance outside its dates does not cover, and a payer-specific price applies to its members', async () => {
    const lapsed = await insuredPatient(`${year - 3}-01-01`, `${year - 2}-12-31`);
    await charge(server, { patientId: lapsed.id, priceCode: 'CONSULT-GOPD' });
    expect(await draftInvoiceOf(cashier, lapsed.id)).toMatchObject({ payerCode: null, insurerShare: 0, patientShare: 1500 });

    const [row] = await server.host.db.sequelize.query<{ id: string; payer_prices: Record<string, number> }>(`SELECT id, payer_prices FROM price_lists WHERE code = 'LAB-CRP'`, { type: QueryTypes.SELECT });
    expect((await head.put(`/api/price-lists/${row!.id}`, { payerPrices: { ...row!.payer_prices, [payer.code]: 1000 } })).status).toBe(200);
    const member = await insuredPatient();
    await charge(server, { patientId: member.id, priceCode: 'LAB-CRP', department: 'Laboratory' });
    expect((await draftInvoiceOf(cashier, member.id)).lines[0]).toMatchObject({ unitPrice: 1000, insurerAmount: 800, patientAmount: 200 });
  });
});

describe('claims', () => {
  it('a claim goes from draft to paid: batched, exported, adjudicated with a rejected line, remitted to the invoices', async () => {
    payer = await newPayer();
    const a = await insuredInvoice();
    const b = await insuredInvoice();
    const created = await cashier.post('/api/insurance-claims', { payerId: payer.id, periodFrom: today, periodTo: today });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', payerCode: payer.code, claimedTotal: 2640, lineCount: 4 });
    const claimId = created.body.id;
    // The same services are never claimed twice.
    expect((await cashier.post('/api/insurance-claims', { payerId: payer.id, periodFrom: today, periodTo: today })).status).toBe(409);

    const csv = await fetch(`${server.url}/api/insurance-claims/${claimId}/export?format=csv`, { headers: { authorization: `Bearer ${cashier.token}` } });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const rows = (await csv.text()).trim().split('\r\n');
    expect(rows[0]).toBe('claimNumber,payerCode,memberNumber,patientMrn,patientName,invoiceNumber,serviceDate,priceCode,description,quantity,amountClaimed');
    expect(rows).toHaveLength(5);
    const json = await cashier.get(`/api/insurance-claims/${claimId}/export?format=json`);
    expect(json.body.claim).toMatchObject({ claimedTotal: 2640, lineCount: 4, currency: 'USD' });
    expect((await cashier.get(`/api/insurance-claims/${claimId}/export?format=xml`)).status).toBe(400);

    expect((await cashier.post(`/api/insurance-claims/${claimId}/adjudicate`, { lines: [] })).status).toBe(409);
    expect((await cashier.post(`/api/insurance-claims/${claimId}/submit`)).body.status).toBe('submitted');

    const claim = (await cashier.get(`/api/insurance-claims/${claimId}`)).body;
    const cut = claim.lines.find((l: any) => l.invoiceId === b.id && l.priceCode === 'CONSULT-GOPD');
    const noReason = await cashier.post(`/api/insurance-claims/${claimId}/adjudicate`, { lines: [{ lineId: cut.id, amountApproved: 0 }] });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors['lines.0.rejectionReason']).toBeDefined();
    const adjudicated = await cashier.post(`/api/insurance-claims/${claimId}/adjudicate`, { lines: [{ lineId: cut.id, amountApproved: 0, rejectionReason: 'consultation not pre-authorised' }] });
    expect(adjudicated.body).toMatchObject({ status: 'partially-approved', approvedTotal: 1440 });

    expect((await cashier.post(`/api/insurance-claims/${claimId}/pay`, { amount: 5000, reference: 'EFT-1', receivedOn: today })).status).toBe(409);
    const paid = await cashier.post(`/api/insurance-claims/${claimId}/pay`, { amount: 1440, reference: 'EFT-1', receivedOn: today });
    expect(paid.body).toMatchObject({ status: 'paid', paidTotal: 1440 });
    expect((await cashier.get(`/api/invoices/${a.id}`)).body).toMatchObject({ insurerPaid: 1320, insurerBalance: 0 });
    expect((await cashier.get(`/api/invoices/${b.id}`)).body).toMatchObject({ insurerPaid: 120, insurerBalance: 1200 });
    const final = (await cashier.get(`/api/insurance-claims/${claimId}`)).body;
    expect(final.lines.find((l: any) => l.id === cut.id)).toMatchObject({ amountApproved: 0, rejectionReason: 'consultation not pre-authorised' });
    expect(final.remittances).toEqual([expect.objectContaining({ amount: 1440, reference: 'EFT-1' })]);
    const audit = await server.host.db.sequelize.query<{ action: string }>(`SELECT action FROM audit_logs WHERE resource = 'insurance-claims' AND record_id = :id ORDER BY id`, { type: QueryTypes.SELECT, replacements: { id: claimId } });
    expect(audit.map((r) => r.action)).toEqual(['create', 'export', 'export', 'submit', 'adjudicate', 'pay']);
  });

  it('an invoice on a claim sent to the insurer cannot be voided: the request is refused with the claim named', async () => {
    payer = await newPayer();
    const invoice = await insuredInvoice();
    const claim = (await cashier.post('/api/insurance-claims', { payerId: payer.id, periodFrom: today, periodTo: today })).body;
    expect((await cashier.post(`/api/insurance-claims/${claim.id}/submit`)).status).toBe(200);

    const refused = await cashier.post(`/api/invoices/${invoice.id}/request-void`, { reason: 'billed to the wrong patient' });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain(`Invoice ${invoice.number} is on insurance claim ${claim.number} (submitted)`);
    expect(refused.body.errors).toEqual({ invoice: `on claim ${claim.number} (submitted)` });
    expect(refused.body.claims).toEqual([{ id: claim.id, number: claim.number, status: 'submitted' }]);
    // Nothing was written: no void asked for, no approval opened.
    expect((await cashier.get(`/api/invoices/${invoice.id}`)).body).toMatchObject({ status: 'issued', voidRequestedAt: null });
    expect((await head.list('approvals', { filter: { resource: 'invoices', recordId: invoice.id } })).body).toEqual([]);

    // Adjudicated and paid claims keep their invoices just the same.
    const lines = (await cashier.get(`/api/insurance-claims/${claim.id}`)).body.lines;
    expect((await cashier.post(`/api/insurance-claims/${claim.id}/adjudicate`, { lines: [] })).body.status).toBe('approved');
    expect((await cashier.post(`/api/invoices/${invoice.id}/request-void`, { reason: 'billed to the wrong patient' })).body.message).toContain(`${claim.number} (approved)`);
    const due = lines.reduce((sum: number, l: any) => sum + l.amountClaimed, 0);
    expect((await cashier.post(`/api/insurance-claims/${claim.id}/pay`, { amount: due, reference: `EFT-${unique()}`, receivedOn: today })).body.status).toBe('paid');
    // The claim comes first in the answer: refunding the payments would not lift it.
    const onPaid = await cashier.post(`/api/invoices/${invoice.id}/request-void`, { reason: 'billed to the wrong patient' });
    expect(onPaid.status).toBe(409);
    expect(onPaid.body.message).toContain(`${claim.number} (paid)`);
  });

  it('the approval of a void is refused too when the claim was sent while the void waited', async () => {
    payer = await newPayer();
    const invoice = await insuredInvoice();
    const claim = (await cashier.post('/api/insurance-claims', { payerId: payer.id, periodFrom: today, periodTo: today })).body;
    const asked = await cashier.post(`/api/invoices/${invoice.id}/request-void`, { reason: 'duplicate of another invoice' });
    expect(asked.status).toBe(200);
    // The claim's own submit waits for the decision (see the next test); a submit that slipped in
    // between (another transaction committing first) is what the approval still checks.
    await server.host.db.sequelize.query(`UPDATE insurance_claims SET status = 'submitted', submitted_at = now() WHERE id = :id`, { replacements: { id: claim.id } });
    const refused = await head.post(`/api/approvals/${asked.body.approvalId}/approve`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain(`is on insurance claim ${claim.number} (submitted)`);
    expect((await cashier.get(`/api/invoices/${invoice.id}`)).body).toMatchObject({ status: 'issued', voidedAt: null });
    expect((await head.get(`/api/approvals/${asked.body.approvalId}`)).body).toMatchObject({ status: 'pending' });
    expect((await cashier.get(`/api/insurance-claims/${claim.id}`)).body.lines.filter((l: any) => l.invoiceId === invoice.id)).toHaveLength(2);
    // The facility head refuses the void instead.
    expect((await head.post(`/api/approvals/${asked.body.approvalId}/reject`, { comment: 'the claim has gone to the insurer' })).status).toBe(200);
  });

  it('a voided invoice leaves a draft claim: the draft waits for the decision, then loses its lines and its total follows', async () => {
    payer = await newPayer();
    const a = await insuredInvoice();
    const b = await insuredInvoice();
    const draft = (await cashier.post('/api/insurance-claims', { payerId: payer.id, periodFrom: today, periodTo: today })).body;
    expect(draft).toMatchObject({ claimedTotal: 2640, lineCount: 4 });

    // Asking changes nothing on the claim (the void may be refused), but the draft cannot go out meanwhile.
    const asked = await cashier.post(`/api/invoices/${a.id}/request-void`, { reason: 'registered under the wrong insurer' });
    expect(asked.status).toBe(200);
    expect((await cashier.get(`/api/insurance-claims/${draft.id}`)).body).toMatchObject({ claimedTotal: 2640, lines: expect.arrayContaining([expect.objectContaining({ invoiceId: a.id })]) });
    const early = await cashier.post(`/api/insurance-claims/${draft.id}/submit`);
    expect(early.status).toBe(409);
    expect(early.body.message).toContain(`void waits for approval (${a.number})`);
    expect((await cashier.get(`/api/insurance-claims/${draft.id}`)).body.status).toBe('draft');

    // Approved: the invoice is void and out of the draft, in the same transaction.
    expect((await head.post(`/api/approvals/${asked.body.approvalId}/approve`, {})).status).toBe(200);
    expect((await cashier.get(`/api/invoices/${a.id}`)).body.status).toBe('void');
    const after = (await cashier.get(`/api/insurance-claims/${draft.id}`)).body;
    expect(after.lines.map((l: any) => l.invoiceId)).toEqual([b.id, b.id]);
    expect(after).toMatchObject({ status: 'draft', claimedTotal: 1320 });
    const [audit] = await server.host.db.sequelize.query<{ user_email: string; before: any; after: any }>(
      `SELECT user_email, before, after FROM audit_logs WHERE resource = 'insurance-claims' AND record_id = :id AND action = 'remove-voided-invoice'`,
      { type: QueryTypes.SELECT, replacements: { id: draft.id } },
    );
    expect(audit).toMatchObject({ user_email: 'facility_head@healthcare.com', before: { claimedTotal: 2640 }, after: { claimedTotal: 1320, invoiceNumber: a.number, linesRemoved: 2 } });
    expect(audit.before.lineIds).toHaveLength(2);

    // The draft goes out with what is left; the voided invoice is never claimed again.
    expect((await cashier.post(`/api/insurance-claims/${draft.id}/submit`)).body).toMatchObject({ status: 'submitted', claimedTotal: 1320 });
    expect((await cashier.post('/api/insurance-claims', { payerId: payer.id, periodFrom: today, periodTo: today })).status).toBe(409);
  });

  it('a draft claim whose only invoice is voided is left empty and cannot be submitted; a refused void leaves the draft as it was', async () => {
    payer = await newPayer();
    const kept = await insuredInvoice();
    const keptClaim = (await cashier.post('/api/insurance-claims', { payerId: payer.id, periodFrom: today, periodTo: today })).body;
    const refusedVoid = await cashier.post(`/api/invoices/${kept.id}/request-void`, { reason: 'asked for by mistake' });
    expect((await head.post(`/api/approvals/${refusedVoid.body.approvalId}/reject`, { comment: 'the invoice is right' })).status).toBe(200);
    expect((await cashier.get(`/api/insurance-claims/${keptClaim.id}`)).body).toMatchObject({ claimedTotal: 1320, lines: [expect.anything(), expect.anything()] });
    expect((await cashier.post(`/api/insurance-claims/${keptClaim.id}/submit`)).body.status).toBe('submitted');

    payer = await newPayer();
    const only = await insuredInvoice();
    const claim = (await cashier.post('/api/insurance-claims', { payerId: payer.id, periodFrom: today, periodTo: today })).body;
    const asked = await cashier.post(`/api/invoices/${only.id}/request-void`, { reason: 'duplicate of another invoice' });
    expect((await head.post(`/api/approvals/${asked.body.approvalId}/approve`, {})).status).toBe(200);
    expect((await cashier.get(`/api/insurance-claims/${claim.id}`)).body).toMatchObject({ status: 'draft', claimedTotal: 0, lines: [] });
    const empty = await cashier.post(`/api/insurance-claims/${claim.id}/submit`);
    expect(empty.status).toBe(409);
    expect(empty.body.message).toContain(`Claim ${claim.number} has no lines left`);
  });

  it('a physician cannot read claims; a cashier cannot change an insurer\'s terms', async () => {
    expect((await physician.list('insurance-claims')).status).toBe(403);
    expect((await cashier.put(`/api/insurance-payers/${payer.id}`, { copayPercent: 0 })).status).toBe(403);
    const bad = await head.post('/api/insurance-payers', { code: 'x', name: '', copayPercent: 120 });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors).sort()).toEqual(['code', 'copayPercent', 'name']);
  });
});
