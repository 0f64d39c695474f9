import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { QueryTypes, type Sequelize } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, unique, type Api, type TestServer } from '../../tests/support/harness.js';
import { escalateUnacknowledged } from './critical-results.js';
import { years } from './ranges.js';

let server: TestServer;
let db: Sequelize;
let physician: Api;
let lab: Api;
let lab2: Api;
let lab2Name: string;
let clerk: Api;
let physicianId: string;
let tests: Record<string, string>;
let panels: Record<string, string>;
const events: { name: string; facts: Record<string, any> }[] = [];

const sql = <T extends object = any>(text: string, replacements: Record<string, unknown> = {}) => db.query<T>(text, { type: QueryTypes.SELECT, replacements });
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);
const luhnOk = (digits: string) => {
  let sum = 0;
  [...digits].reverse().forEach((c, i) => {
    let d = Number(c);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  });
  return sum % 10 === 0;
};

beforeAll(async () => {
  server = await startServer({ only: ['laboratory'] });
  db = server.host.db.sequelize;
  for (const name of ['charge.created', 'charge.cancelled', 'lab-result.critical', 'lab-order.verified']) {
    server.host.services.events.on(name, (facts) => void events.push({ name, facts }));
  }
  physician = await server.login('physician@healthcare.com');
  lab = await server.login('laboratory@healthcare.com');
  clerk = await server.login('registration@healthcare.com');
  const admin = await server.login('admin@healthcare.com');
  const email = `lab2-${unique()}@healthcare.com`;
  lab2Name = `Second Technologist ${unique()}`;
  const created = await admin.post('/api/users', { email, name: lab2Name, roles: ['laboratory'], password: 'password123' });
  expect(created.status).toBe(201);
  lab2 = await server.login(email);
  physicianId = (await physician.get('/api/auth/me')).body.user.id;
  tests = Object.fromEntries((await lab.list('lab-tests', { range: [0, 99] })).body.map((t: any) => [t.code, t.id]));
  panels = Object.fromEntries((await lab.list('lab-panels', { range: [0, 99] })).body.map((p: any) => [p.code, p.id]));
});
afterAll(() => server?.close());

async function patientWithEncounter(over: Record<string, unknown> = {}) {
  const p = await clerk.post('/api/patients', { givenName: 'Lab', familyName: `Patient${unique()}`, sex: 'male', birthDate: '1980-05-01', ...over });
  expect(p.status).toBe(201);
  const [e] = await sql<{ id: string }>(`INSERT INTO encounters (patient_id, physician_id) VALUES (:p, :u) RETURNING id`, { p: p.body.id, u: physicianId });
  return { patient: p.body, encounterId: e.id };
}

async function order(body: Record<string, unknown>) {
  const res = await physician.post('/api/lab-orders', body);
  expect(res.status).toBe(201);
  return res.body;
}

/** Order, collect and receive: ready for results. */
async function receivedOrder(encounterId: string, body: Record<string, unknown>, collectedAt?: string) {
  const o = await order({ encounterId, ...body });
  const collected = await lab.post(`/api/lab-orders/${o.id}/collect`, collectedAt ? { collectedAt } : {});
  expect(collected.status).toBe(200);
  for (const s of collected.body.specimens) expect((await lab.post(`/api/specimens/${s.id}/receive`)).status).toBe(200);
  return { ...(await lab.get(`/api/lab-orders/${o.id}`)).body, specimens: collected.body.specimens };
}

const resultOf = (o: any, code: string) => o.results.find((r: any) => r.testCode === code);

describe('from order to verified report', () => {
  it('a physician orders a panel and a test; each line is charged; the laboratory collects, receives, enters, another verifies', async () => {
    const { patient, encounterId } = await patientWithEncounter();
    const placed = await order({ encounterId, panelIds: [panels.FBC], testIds: [tests.RBS, tests.HGB], priority: 'stat', clinicalNotes: 'Pallor, fatigue' });
    expect(placed).toMatchObject({ status: 'ordered', priority: 'stat', patientId: patient.id, orderedBy: physicianId });
    expect(placed.orderNumber).toMatch(/^LO\d{8}$/);
    expect(luhnOk(placed.orderNumber.slice(2))).toBe(true);
    expect(placed.results).toHaveLength(7);
    const charges = events.filter((e) => e.name === 'charge.created' && String(e.facts.sourceId).startsWith(placed.id));
    expect(charges.map((c) => c.facts.priceCode).sort()).toEqual(['LAB-PANEL-FBC', 'LAB-RBS']);
    expect(charges[0].facts).toMatchObject({ patientId: patient.id, encounterId, department: 'laboratory', quantity: 1, sourceResource: 'lab-orders' });

    expect((await lab.post(`/api/lab-orders/${placed.id}/results`, { results: [{ resultId: placed.results[0].id, value: 5 }] })).status).toBe(409);

    const collected = await lab.post(`/api/lab-orders/${placed.id}/collect`, {});
    expect(collected.body.specimens.map((s: any) => s.specimenType).sort()).toEqual(['EDTA whole blood', 'Fluoride plasma']);
    for (const s of collected.body.specimens) expect(luhnOk(s.accessionNumber)).toBe(true);
    expect((await lab.post(`/api/lab-orders/${placed.id}/collect`, {})).status).toBe(409);
    for (const s of collected.body.specimens) await lab.post(`/api/specimens/${s.id}/receive`);
    const received = (await lab.get(`/api/lab-orders/${placed.id}`)).body;
    expect(received.status).toBe('received');
    expect(resultOf(received, 'HGB')).toMatchObject({ rangeLow: 13, rangeHigh: 17, criticalLow: 7, criticalHigh: 20 });

    const values: Record<string, number> = { HGB: 14.1, WBC: 12.5, PLT: 250, HCT: 42, RBC: 4.9, MCV: 88, RBS: 6.1 };
    const first = await lab.post(`/api/lab-orders/${placed.id}/results`, { results: ['HGB', 'WBC'].map((c) => ({ resultId: resultOf(received, c).id, value: values[c] })) });
    expect(first.status).toBe(200);
    expect(first.body.map((r: any) => r.flag)).toEqual([null, 'H']);
    expect((await lab.get(`/api/lab-orders/${placed.id}`)).body.status).toBe('in-progress');
    await lab.post(`/api/lab-orders/${placed.id}/results`, { results: ['PLT', 'HCT', 'RBC', 'MCV', 'RBS'].map((c) => ({ resultId: resultOf(received, c).id, value: values[c] })) });
    expect((await lab.get(`/api/lab-orders/${placed.id}`)).body.status).toBe('resulted');

    // Reagents came out of the laboratory's stock, linked to the result that used them.
    const used = await sql(`SELECT i.code, -m.quantity AS quantity FROM stock_movements m JOIN stock_items i ON i.id = m.item_id
                             WHERE m.source_resource = 'lab-results' AND m.source_id = :id AND m.kind = 'consumption' ORDER BY i.code`, { id: resultOf(received, 'HGB').id });
    expect(used).toEqual([{ code: 'REA-CBC-DIL', quantity: 1 }, { code: 'REA-CBC-LYSE', quantity: 1 }]);

    const own = await lab.post(`/api/lab-orders/${placed.id}/verify`);
    expect(own.status).toBe(409);
    expect(own.body.message).toMatch(/another person must verify/);
    const verified = await lab2.post(`/api/lab-orders/${placed.id}/verify`);
    expect(verified.status).toBe(200);
    expect(verified.body.status).toBe('verified');
    expect(events.some((e) => e.name === 'lab-order.verified' && e.facts.orderId === placed.id)).toBe(true);
    const [audit] = await sql(`SELECT user_email FROM audit_logs WHERE resource = 'lab-orders' AND action = 'verify' AND record_id = :id`, { id: placed.id });
    expect(audit.user_email).toBe((await lab2.get('/api/auth/me')).body.user.email);
    const turnaround = (await physician.get('/api/kpis/lab-turnaround')).body;
    expect(turnaround.find((r: any) => r.priority === 'stat')).toMatchObject({ verified: expect.any(Number), withinTargetPct: expect.any(Number) });
  });

  it('a single result cannot be verified by the person who entered it, even through the database', async () => {
    const { encounterId } = await patientWithEncounter();
    const o = await receivedOrder(encounterId, { testIds: [tests.K] });
    const r = resultOf(o, 'K');
    await lab.post(`/api/lab-results/${r.id}/enter`, { value: 4.2 });
    expect((await lab.post(`/api/lab-results/${r.id}/verify`)).status).toBe(409);
    const me = (await lab.get('/api/auth/me')).body.user.id;
    await expect(db.query(`UPDATE lab_results SET status = 'verified', verified_by = :me WHERE id = :id`, { replacements: { me, id: r.id } })).rejects.toThrow(/four_eyes/);
    expect((await lab2.post(`/api/lab-results/${r.id}/verify`)).status).toBe(200);
    expect((await lab.get(`/api/lab-orders/${o.id}`)).body.status).toBe('verified');
  });

  it('the range is the one for the patient\'s age on the collection date, not today', async () => {
    // Twelve years old five days ago; the sample was taken ten days ago, at eleven: the child's range applies.
    const birthDate = daysAgo(years(12) + 5).toISOString().slice(0, 10);
    const { encounterId } = await patientWithEncounter({ birthDate });
    const o = await receivedOrder(encounterId, { testIds: [tests.HGB] }, daysAgo(10).toISOString());
    const hgb = resultOf(o, 'HGB');
    expect(hgb).toMatchObject({ rangeLow: 11, rangeHigh: 14.5 });
    const res = await lab.post(`/api/lab-results/${hgb.id}/enter`, { value: 14.8 });
    expect(res.body.flag).toBe('H');
    const adult = await patientWithEncounter({ birthDate });
    const today = await receivedOrder(adult.encounterId, { testIds: [tests.HGB] });
    expect((await lab.post(`/api/lab-results/${resultOf(today, 'HGB').id}/enter`, { value: 14.8 })).body.flag).toBeNull();
  });

  it('coded results are checked against the catalogue and flagged abnormal', async () => {
    const { encounterId } = await patientWithEncounter();
    const o = await receivedOrder(encounterId, { testIds: [tests['MAL-RDT']] });
    const r = resultOf(o, 'MAL-RDT');
    const bad = await lab.post(`/api/lab-results/${r.id}/enter`, { value: 'Maybe' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors['results.0.value']).toMatch(/one of/);
    expect((await lab.post(`/api/lab-results/${r.id}/enter`, { value: 'positive p. falciparum' })).body).toMatchObject({ valueCoded: 'Positive P. falciparum', flag: 'A' });
  });
});

describe('critical results and amendments', () => {
  it('a critical value raises lab-result.critical, sets the escalation clock, and the physician acknowledges it', async () => {
    const { patient, encounterId } = await patientWithEncounter();
    const o = await receivedOrder(encounterId, { testIds: [tests.K], priority: 'stat' });
    const r = resultOf(o, 'K');
    const res = await lab.post(`/api/lab-results/${r.id}/enter`, { value: 7.1 });
    expect(res.body.flag).toBe('HH');
    const raised = events.find((e) => e.name === 'lab-result.critical' && e.facts.resultId === r.id);
    expect(raised?.facts).toMatchObject({ patientId: patient.id, testCode: 'K', value: 7.1, flag: 'HH', orderedBy: physicianId, priority: 'stat' });
    const [clock] = await sql(`SELECT critical_escalate_to, round(extract(epoch FROM critical_escalate_at - now()) / 60)::int AS minutes FROM lab_results WHERE id = :id`, { id: r.id });
    expect(clock).toMatchObject({ critical_escalate_to: 'medical_admin', minutes: 15 });

    await db.query(`UPDATE lab_results SET critical_escalate_at = now() - interval '1 minute' WHERE id = :id`, { replacements: { id: r.id } });
    expect(await escalateUnacknowledged(server.host.contextOf('laboratory'))).toBeGreaterThanOrEqual(1);
    const [escalated] = await sql(`SELECT critical_escalated_at IS NOT NULL AS done FROM lab_results WHERE id = :id`, { id: r.id });
    expect(escalated.done).toBe(true);

    expect((await lab.post(`/api/lab-results/${r.id}/acknowledge`)).status).toBe(403);
    expect((await physician.post(`/api/lab-results/${r.id}/acknowledge`)).body.criticalAcknowledgedBy).toBe(physicianId);
    expect((await physician.post(`/api/lab-results/${r.id}/acknowledge`)).status).toBe(409);
  });

  it('a verified result is corrected only by an amendment that keeps the previous value, the reason and who', async () => {
    const { encounterId } = await patientWithEncounter();
    const o = await receivedOrder(encounterId, { testIds: [tests.NA] });
    const r = resultOf(o, 'NA');
    await lab.post(`/api/lab-results/${r.id}/enter`, { value: 141 });
    await lab2.post(`/api/lab-results/${r.id}/verify`);
    expect((await lab.post(`/api/lab-results/${r.id}/enter`, { value: 131 })).status).toBe(409);
    expect((await lab.post(`/api/lab-results/${r.id}/amend`, { value: 131 })).status).toBe(400);
    await expect(db.query(`UPDATE lab_results SET value_numeric = 1 WHERE id = :id`, { replacements: { id: r.id } })).rejects.toThrow(/only by an amendment/);
    const amended = await lab.post(`/api/lab-results/${r.id}/amend`, { value: 131, reason: 'Transcription error: analyser printout reads 131' });
    expect(amended.status).toBe(200);
    expect(amended.body).toMatchObject({ valueNumeric: 131, flag: 'L', status: 'amended' });
    const detail = (await physician.get(`/api/lab-results/${r.id}`)).body;
    const me = (await lab.get('/api/auth/me')).body.user.id;
    expect(detail.amendments).toEqual([expect.objectContaining({ previousValueNumeric: 141, previousFlag: null, valueNumeric: 131, flag: 'L', reason: 'Transcription error: analyser printout reads 131', amendedBy: me })]);
    await expect(db.query(`DELETE FROM lab_result_amendments WHERE result_id = :id`, { replacements: { id: r.id } })).rejects.toThrow(/never changed/);
  });

  it('the lab report PDF prints the flagged values, the ranges and who verified them', async () => {
    const { encounterId } = await patientWithEncounter({ sex: 'female' });
    const o = await receivedOrder(encounterId, { panelIds: [panels.UE] });
    await lab.post(`/api/lab-orders/${o.id}/results`, { results: [
      { resultId: resultOf(o, 'NA').id, value: 118 },
      { resultId: resultOf(o, 'K').id, value: 5.4 },
      { resultId: resultOf(o, 'CL').id, value: 101 },
    ] });
    await lab2.post(`/api/lab-orders/${o.id}/verify`);
    const res = await fetch(`${server.url}/api/lab-orders/${o.id}/pdf`, { headers: { authorization: `Bearer ${physician.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const file = path.join(os.tmpdir(), `lab-report-${unique()}.pdf`);
    fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    fs.rmSync(file);
    expect(text).toMatch(/Sodium\s+118\s+mmol\/L\s+LL\s+135 - 145/);
    expect(text).toMatch(/Potassium\s+5\.4\s+mmol\/L\s+H\s+3\.5 - 5\.1/);
    expect(text).toMatch(/Chloride\s+101\s+mmol\/L\s+98 - 107/);
    expect(text).toContain(lab2Name);
    expect(text).toContain(o.orderNumber);
  });

  it('the specimen label is a PDF with the accession number under its barcode', async () => {
    const { encounterId } = await patientWithEncounter();
    const o = await receivedOrder(encounterId, { testIds: [tests.CRP] });
    const s = o.specimens[0];
    const res = await fetch(`${server.url}/api/specimens/${s.id}/pdf`, { headers: { authorization: `Bearer ${lab.token}` } });
    expect(res.status).toBe(200);
    const file = path.join(os.tmpdir(), `label-${unique()}.pdf`);
    fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const text = execFileSync('pdftotext', [file, '-']).toString();
    fs.rmSync(file);
    expect(text).toContain(s.accessionNumber);
  });

  it('a patient\'s cumulative verified results come back in collection order for the trend chart', async () => {
    const { patient, encounterId } = await patientWithEncounter();
    for (const [value, ago] of [[5.5, 20], [6.5, 10]] as const) {
      const o = await receivedOrder(encounterId, { testIds: [tests.RBS] }, daysAgo(ago).toISOString());
      await lab.post(`/api/lab-results/${resultOf(o, 'RBS').id}/enter`, { value });
      await lab2.post(`/api/lab-orders/${o.id}/verify`);
    }
    const res = await physician.get(`/api/lab-results/cumulative?patientId=${patient.id}&testId=${tests.RBS}`);
    expect(res.body.map((r: any) => r.value)).toEqual([5.5, 6.5]);
    expect((await physician.get('/api/lab-results/cumulative')).status).toBe(400);
  });
});

describe('order status rules', () => {
  it('cancelling needs a reason, cancels the charges, and is refused once results exist', async () => {
    const { encounterId } = await patientWithEncounter();
    const o = await order({ encounterId, testIds: [tests.CRP] });
    expect((await physician.post(`/api/lab-orders/${o.id}/cancel`, {})).status).toBe(400);
    const cancelled = await physician.post(`/api/lab-orders/${o.id}/cancel`, { reason: 'Ordered for the wrong patient' });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: 'Ordered for the wrong patient' });
    expect(events.some((e) => e.name === 'charge.cancelled' && e.facts.sourceId === `${o.id}/CRP`)).toBe(true);
    expect((await lab.post(`/api/lab-orders/${o.id}/collect`, {})).status).toBe(409);

    const done = await receivedOrder(encounterId, { testIds: [tests.CRP] });
    await lab.post(`/api/lab-results/${resultOf(done, 'CRP').id}/enter`, { value: 3 });
    expect((await physician.post(`/api/lab-orders/${done.id}/cancel`, { reason: 'Too late' })).status).toBe(409);
    await expect(db.query(`UPDATE lab_orders SET status = 'ordered' WHERE id = :id`, { replacements: { id: done.id } })).rejects.toThrow(/cannot go from/);
  });

  it('a rejected specimen sends the order back for a new sample with a new accession number', async () => {
    const { encounterId } = await patientWithEncounter();
    const o = await order({ encounterId, testIds: [tests.K] });
    const first = (await lab.post(`/api/lab-orders/${o.id}/collect`, {})).body.specimens[0];
    expect((await lab.post(`/api/specimens/${first.id}/reject`, {})).status).toBe(400);
    const rejected = await lab.post(`/api/specimens/${first.id}/reject`, { reason: 'Haemolysed' });
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectionReason: 'Haemolysed' });
    expect((await lab.get(`/api/lab-orders/${o.id}`)).body.status).toBe('ordered');
    const second = (await lab.post(`/api/lab-orders/${o.id}/collect`, {})).body.specimens[0];
    expect(second.accessionNumber).not.toBe(first.accessionNumber);
  });

  it('bad orders are 400s with field errors and save nothing', async () => {
    const { encounterId } = await patientWithEncounter();
    const res = await physician.post('/api/lab-orders', { encounterId: 'nope', testIds: ['x'], priority: 'whenever' });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors)).toEqual(expect.arrayContaining(['encounterId', 'testIds.0', 'priority']));
    expect((await physician.post('/api/lab-orders', { encounterId, testIds: [] })).body.errors).toEqual({ testIds: 'pick at least one test or panel' });
    expect((await physician.post('/api/lab-orders', { encounterId, testIds: ['01a226e5-3111-74cd-8197-e9de606b52b3'] })).status).toBe(400);
    const [{ n }] = await sql(`SELECT count(*)::int AS n FROM lab_orders WHERE encounter_id = :encounterId`, { encounterId });
    expect(n).toBe(0);
  });
});

describe('access', () => {
  it('physicians order and read but do not enter results; the laboratory does not order; registration sees nothing', async () => {
    const { encounterId } = await patientWithEncounter();
    const o = await receivedOrder(encounterId, { testIds: [tests.CRP] });
    expect((await physician.post(`/api/lab-results/${resultOf(o, 'CRP').id}/enter`, { value: 3 })).status).toBe(403);
    expect((await lab.post('/api/lab-orders', { encounterId, testIds: [tests.CRP] })).status).toBe(403);
    expect((await clerk.list('lab-orders')).status).toBe(403);
    expect((await clerk.list('lab-results')).status).toBe(403);
    expect((await physician.put(`/api/lab-tests/${tests.CRP}`, { name: 'x' })).status).toBe(403);
  });
});
