import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryTypes } from 'sequelize';
import { startServer, type Api, type TestServer } from '../../tests/support/harness.js';
import { registerPatient } from '../billing/tests/fixtures.js';
import { inDays, onHand, openEncounter, receive, receiveExpired, seededDrug, stockedDrug, tablets } from './tests/fixtures.js';

let server: TestServer;
let clerk: Api;
let physician: Api;
let pharmacist: Api;
let cashier: Api;

beforeAll(async () => {
  server = await startServer({ only: ['pharmacy', 'billing'] });
  clerk = await server.login('registration@healthcare.com');
  physician = await server.login('physician@healthcare.com');
  pharmacist = await server.login('pharmacy@healthcare.com');
  cashier = await server.login('cashier@healthcare.com');
});
afterAll(() => server?.close());

const sql = <T extends object>(query: string, replacements: Record<string, unknown> = {}) =>
  server.host.db.sequelize.query<T>(query, { type: QueryTypes.SELECT, replacements });

async function patientWithEncounter() {
  const p = await registerPatient(clerk);
  return { patient: p, encounterId: await openEncounter(physician, p.id) };
}

describe('prescribing safely', () => {
  it('an allergy to the drug\'s class blocks the order until the prescriber gives a reason, which is stored and audited', async () => {
    const { patient, encounterId } = await patientWithEncounter();
    await physician.post('/api/patient-allergies', { patientId: patient.id, substance: 'Penicillin V', allergyClass: 'penicillins', severity: 'severe' });
    const amox = await seededDrug(physician, 'DRUG-AMOX-500');
    const order = { encounterId, items: [{ drugId: amox.id, dose: 500, doseUnit: 'mg', frequency: 'TDS', durationDays: 7 }] };

    const live = await physician.post('/api/prescriptions/check', { patientId: patient.id, drugIds: [amox.id] });
    expect(live.body.warnings).toEqual([expect.objectContaining({ severity: 'severe', code: 'allergy' })]);

    const blocked = await physician.post('/api/prescriptions', order);
    expect(blocked.status).toBe(409);
    expect(blocked.body.errors.overrideReason).toBeDefined();
    expect(blocked.body.warnings[0].message).toContain('penicillins');
    expect((await physician.list('prescriptions', { filter: { encounterId } })).body).toHaveLength(0);

    const overridden = await physician.post('/api/prescriptions', { ...order, overrideReason: 'Rash only in childhood; tolerated amoxicillin in 2023' });
    expect(overridden.status).toBe(201);
    expect(overridden.body).toMatchObject({ overrideReason: 'Rash only in childhood; tolerated amoxicillin in 2023', status: 'active' });
    expect(overridden.body.items[0]).toMatchObject({ quantity: 21, route: 'oral' });
    const [audit] = await sql<{ user_email: string; after: any }>(`SELECT user_email, after FROM audit_logs WHERE resource = 'prescriptions' AND action = 'create' AND record_id = :id`, { id: overridden.body.id });
    expect(audit!.user_email).toBe('physician@healthcare.com');
    expect(audit!.after).toMatchObject({ overrideReason: 'Rash only in childhood; tolerated amoxicillin in 2023', warnings: [expect.objectContaining({ code: 'allergy' })] });
  });

  it('a cephalosporin for a penicillin-allergic patient is a moderate warning that does not block', async () => {
    const { patient, encounterId } = await patientWithEncounter();
    await physician.post('/api/patient-allergies', { patientId: patient.id, substance: 'Amoxicillin', allergyClass: 'penicillins', severity: 'moderate' });
    const ceftriaxone = await seededDrug(physician, 'DRUG-CEFTRI-1G');
    const res = await physician.post('/api/prescriptions', { encounterId, items: [{ drugId: ceftriaxone.id, dose: 1, doseUnit: 'g', frequency: 'OD', durationDays: 5 }] });
    expect(res.status).toBe(201);
    expect(res.body.warnings).toEqual([expect.objectContaining({ severity: 'moderate', code: 'allergy-cross-reactivity' })]);
    expect(res.body.overrideReason).toBeNull();
  });

  it('an NSAID for a patient on warfarin is blocked; ciprofloxacin is a moderate warning', async () => {
    const { encounterId } = await patientWithEncounter();
    const [warfarin, ibuprofen, cipro] = await Promise.all(['DRUG-WARF-5', 'DRUG-IBU-400', 'DRUG-CIPRO-500'].map((c) => seededDrug(physician, c)));
    expect((await physician.post('/api/prescriptions', { encounterId, items: [{ drugId: warfarin.id, dose: 5, doseUnit: 'mg', frequency: 'OD', durationDays: 30 }] })).status).toBe(201);

    const nsaid = await physician.post('/api/prescriptions', { encounterId, items: [tablets(ibuprofen.id, 'TDS', 5)] });
    expect(nsaid.status).toBe(409);
    expect(nsaid.body.warnings[0]).toMatchObject({ severity: 'severe', code: 'interaction', otherDrugName: expect.stringContaining('Warfarin') });
    expect(nsaid.body.warnings[0].advice).toContain('paracetamol');

    const quinolone = await physician.post('/api/prescriptions', { encounterId, items: [tablets(cipro.id, 'BD', 5)] });
    expect(quinolone.status).toBe(201);
    expect(quinolone.body.warnings).toEqual([expect.objectContaining({ severity: 'moderate', code: 'interaction' })]);
  });

  it('quantities are computed from dose, frequency and days; bad orders are 400s with per-field errors', async () => {
    const { encounterId } = await patientWithEncounter();
    const para = await seededDrug(physician, 'DRUG-PARA-500');
    const ok = await physician.post('/api/prescriptions', { encounterId, items: [{ drugId: para.id, dose: 1000, doseUnit: 'mg', frequency: 'QID', durationDays: 3, instructions: 'after meals' }] });
    expect(ok.body.items[0].quantity).toBe(24);
    const prn = await physician.post('/api/prescriptions', { encounterId, items: [{ drugId: para.id, dose: 1, doseUnit: 'tablet', frequency: 'PRN', durationDays: 3 }] });
    expect(prn.status).toBe(400);
    expect(prn.body.errors['items.0.quantity']).toBeDefined();
    const unit = await physician.post('/api/prescriptions', { encounterId, items: [{ drugId: para.id, dose: 5, doseUnit: 'ml', frequency: 'OD', durationDays: 3 }] });
    expect(unit.body.errors['items.0.doseUnit']).toBeDefined();
    const bad = await physician.post('/api/prescriptions', { encounterId: 'x', items: [{ drugId: para.id, dose: -1, frequency: 'SOMETIMES', durationDays: 0 }] });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors)).toEqual(expect.arrayContaining(['encounterId', 'items.0.dose', 'items.0.doseUnit', 'items.0.frequency', 'items.0.durationDays']));
  });
});

describe('dispensing', () => {
  async function prescribe(drugId: string, quantityDays: number) {
    const { patient, encounterId } = await patientWithEncounter();
    const rx = await physician.post('/api/prescriptions', { encounterId, items: [tablets(drugId, 'OD', quantityDays)] });
    expect(rx.status).toBe(201);
    return { patient, rx: rx.body };
  }

  it('batches are picked first-expiry-first-out, expired stock is never dispensed, and a prescription can be dispensed in parts', async () => {
    const { drug, itemId } = await stockedDrug(pharmacist);
    await receiveExpired(server, itemId, 100);
    await receive(pharmacist, itemId, 'LATE', 10, inDays(300));
    await receive(pharmacist, itemId, 'SOON', 4, inDays(30));
    await receive(pharmacist, itemId, 'SOONER', 3, inDays(10));
    const { patient, rx } = await prescribe(drug.id, 10);

    const first = await pharmacist.post('/api/dispenses', { prescriptionId: rx.id, items: [{ prescriptionItemId: rx.items[0].id, quantity: 5 }] });
    expect(first.status).toBe(201);
    expect(first.body.items[0].batches.map((b: any) => [b.lotNumber, b.quantity])).toEqual([['SOONER', 3], ['SOON', 2]]);
    expect((await pharmacist.get(`/api/prescriptions/${rx.id}`)).body).toMatchObject({ status: 'partially-dispensed', items: [expect.objectContaining({ quantityDispensed: 5 })] });

    const rest = await pharmacist.post('/api/dispenses', { prescriptionId: rx.id, items: [{ prescriptionItemId: rx.items[0].id, quantity: 5 }] });
    expect(rest.body.items[0].batches.map((b: any) => [b.lotNumber, b.quantity])).toEqual([['SOON', 2], ['LATE', 3]]);
    expect((await pharmacist.get(`/api/prescriptions/${rx.id}`)).body.status).toBe('dispensed');
    expect((await onHand(server, itemId)).total).toBe(100 + 7);

    const more = await pharmacist.post('/api/dispenses', { prescriptionId: rx.id, items: [{ prescriptionItemId: rx.items[0].id, quantity: 1 }] });
    expect(more.status).toBe(409);

    // The charges reached the patient's invoice, priced from the tariff when billing knows the code.
    const invoices = await cashier.list('invoices', { filter: { patientId: patient.id } });
    const invoice = (await cashier.get(`/api/invoices/${invoices.body[0].id}`)).body;
    expect(invoice.lines.filter((l: any) => l.sourceResource === 'dispense-items').map((l: any) => l.quantity)).toEqual([5, 5]);

    const label = await fetch(`${server.url}/api/dispenses/${first.body.id}/pdf`, { headers: { authorization: `Bearer ${pharmacist.token}` } });
    expect(label.headers.get('content-type')).toContain('application/pdf');
    expect(Buffer.from(await label.arrayBuffer()).subarray(0, 4).toString()).toBe('%PDF');
  });

  it('only expired stock on the shelf: the dispense is a 409 and nothing changes', async () => {
    const { drug, itemId } = await stockedDrug(pharmacist);
    await receiveExpired(server, itemId, 50);
    const { rx } = await prescribe(drug.id, 5);
    const res = await pharmacist.post('/api/dispenses', { prescriptionId: rx.id, items: [{ prescriptionItemId: rx.items[0].id, quantity: 5 }] });
    expect(res.status).toBe(409);
    expect(res.body.available).toBe(0);
    expect((await onHand(server, itemId)).total).toBe(50);
    expect((await pharmacist.get(`/api/prescriptions/${rx.id}`)).body).toMatchObject({ status: 'active', items: [expect.objectContaining({ quantityDispensed: 0 })] });
    expect((await pharmacist.list('dispenses', { filter: { prescriptionId: rx.id } })).body).toHaveLength(0);
  });

  it('50 concurrent dispenses of the last 20 units: exactly 20 succeed, stock ends at 0, never below', async () => {
    const { drug, itemId } = await stockedDrug(pharmacist);
    await receive(pharmacist, itemId, 'LAST', 20, inDays(90));
    const orders = [];
    for (let i = 0; i < 5; i++) orders.push(...(await Promise.all(Array.from({ length: 10 }, () => prescribe(drug.id, 1)))).map((o) => o.rx));
    const started = Date.now();
    const results = await Promise.all(orders.map((rx) => pharmacist.post('/api/dispenses', { prescriptionId: rx.id, items: [{ prescriptionItemId: rx.items[0].id, quantity: 1 }] })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(20);
    expect(results.filter((r) => r.status === 409)).toHaveLength(30);
    expect(await onHand(server, itemId)).toEqual({ total: 0, lowest: 0 });
    const [given] = await sql<{ n: number }>(`SELECT coalesce(sum(di.quantity), 0)::int AS n FROM dispense_items di JOIN drugs d ON d.id = di.drug_id WHERE d.stock_item_id = :itemId`, { itemId });
    expect(given!.n).toBe(20);
    console.info(`50 concurrent dispenses answered in ${Date.now() - started} ms`);
  }, 120_000);

  it('a dispense whose label cannot be printed leaves the stock, the prescription and the charges as they were', async () => {
    const { drug, itemId } = await stockedDrug(pharmacist);
    await receive(pharmacist, itemId, 'LOT-1', 30, inDays(120));
    const { patient, rx } = await prescribe(drug.id, 10);
    const documents = server.host.services.documents;
    const render = documents.renderHtml;
    documents.renderHtml = () => {
      throw new Error('label template broken');
    };
    try {
      const res = await pharmacist.post('/api/dispenses', { prescriptionId: rx.id, items: [{ prescriptionItemId: rx.items[0].id, quantity: 10 }] });
      expect(res.status).toBe(500);
    } finally {
      documents.renderHtml = render;
    }
    expect((await onHand(server, itemId)).total).toBe(30);
    expect((await pharmacist.get(`/api/prescriptions/${rx.id}`)).body).toMatchObject({ status: 'active', items: [expect.objectContaining({ quantityDispensed: 0 })] });
    expect((await pharmacist.list('dispenses', { filter: { prescriptionId: rx.id } })).body).toHaveLength(0);
    expect((await cashier.list('invoices', { filter: { patientId: patient.id } })).body).toHaveLength(0);
    const [moves] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM stock_movements WHERE item_id = :itemId AND kind <> 'receipt'`, { itemId });
    expect(moves!.n).toBe(0);
  });
});

describe('the formulary', () => {
  it("a drug's strength is the same number in the list as in the record", async () => {
    const amox = await seededDrug(pharmacist, 'DRUG-AMOX-500');
    const one = await pharmacist.get(`/api/drugs/${amox.id}`);
    expect(one.body.strengthValue).toBe(500);
    const list = await pharmacist.list('drugs', { filter: { id: [amox.id] } });
    expect(list.body).toEqual([expect.objectContaining({ id: amox.id, strengthValue: 500 })]);
  });
});

describe('access by role', () => {
  it('a cashier cannot dispense or read clinical notes; a pharmacist cannot take payments', async () => {
    expect((await cashier.post('/api/dispenses', {})).status).toBe(403);
    expect((await cashier.list('soap-notes')).status).toBe(403);
    expect((await cashier.list('prescriptions')).status).toBe(403);
    expect((await pharmacist.post('/api/payments', {})).status).toBe(403);
    expect((await pharmacist.post('/api/prescriptions', {})).status).toBe(403);
    expect((await physician.post('/api/dispenses', {})).status).toBe(403);
  });
});
