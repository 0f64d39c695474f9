import { QueryTypes, type Sequelize } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, unique, type Api, type TestServer } from '../../tests/support/harness.js';

let server: TestServer;
let db: Sequelize;
let physician: Api;
let physician2: Api;
let radiographer: Api;
let lab: Api;
let clerk: Api;
let physicianId: string;
let studies: Record<string, string>;
const charges: Record<string, any>[] = [];

const sql = <T extends object = any>(text: string, replacements: Record<string, unknown> = {}) => db.query<T>(text, { type: QueryTypes.SELECT, replacements });
// A 1x1 PNG: the smallest image the attachments resource accepts.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

beforeAll(async () => {
  server = await startServer({ only: ['radiology'] });
  db = server.host.db.sequelize;
  server.host.services.events.on('charge.created', (f) => void charges.push(f));
  physician = await server.login('physician@healthcare.com');
  radiographer = await server.login('radiographer@healthcare.com');
  lab = await server.login('laboratory@healthcare.com');
  clerk = await server.login('registration@healthcare.com');
  const admin = await server.login('admin@healthcare.com');
  const email = `physician2-${unique()}@healthcare.com`;
  await admin.post('/api/users', { email, name: 'Second Physician', roles: ['physician'], password: 'password123' });
  physician2 = await server.login(email);
  physicianId = (await physician.get('/api/auth/me')).body.user.id;
  studies = Object.fromEntries((await physician.list('imaging-studies', { range: [0, 99] })).body.map((s: any) => [s.code, s.id]));
});
afterAll(() => server?.close());

async function encounter() {
  const p = await clerk.post('/api/patients', { givenName: 'Xray', familyName: `Patient${unique()}`, sex: 'female', birthDate: '1975-02-11' });
  const [e] = await sql<{ id: string }>(`INSERT INTO encounters (patient_id, physician_id) VALUES (:p, :u) RETURNING id`, { p: p.body.id, u: physicianId });
  return { patientId: p.body.id as string, encounterId: e.id };
}

async function performedOrder() {
  const { encounterId } = await encounter();
  const o = (await physician.post('/api/imaging-orders', { encounterId, studyId: studies['XR-CHEST-PA'], priority: 'urgent', clinicalIndication: 'Cough for 3 weeks, fever' })).body;
  await radiographer.post(`/api/imaging-orders/${o.id}/perform`, {});
  return o;
}

describe('an X-ray room runs its day', () => {
  it('a physician orders a chest X-ray; it is charged, scheduled, performed with an image attached, reported, signed and verified by another physician', async () => {
    const { patientId, encounterId } = await encounter();
    const res = await physician.post('/api/imaging-orders', { encounterId, studyId: studies['XR-CHEST-PA'], priority: 'stat', clinicalIndication: 'Suspected pneumothorax' });
    expect(res.status).toBe(201);
    const order = res.body;
    expect(order).toMatchObject({ status: 'ordered', patientId, orderedBy: physicianId, priority: 'stat' });
    expect(order.orderNumber).toMatch(/^IO\d{8}$/);
    expect(charges.find((c) => c.sourceId === order.id)).toMatchObject({ priceCode: 'RAD-XR-CHEST-PA', department: 'radiology', patientId, encounterId, quantity: 1, sourceResource: 'imaging-orders' });

    const worklist = await radiographer.list('imaging-orders', { filter: { status: 'ordered', priority: 'stat' }, sort: ['priority', 'ASC'] });
    expect(worklist.body.map((o: any) => o.id)).toContain(order.id);

    const at = new Date(Date.now() + 3600_000).toISOString();
    expect((await radiographer.post(`/api/imaging-orders/${order.id}/schedule`, { scheduledAt: at, room: 'X-ray 1' })).body).toMatchObject({ status: 'scheduled', room: 'X-ray 1' });
    expect((await radiographer.post(`/api/imaging-orders/${order.id}/perform`, {})).body.status).toBe('performed');

    const form = new FormData();
    form.set('resource', 'imaging-orders');
    form.set('recordId', order.id);
    form.set('file', new Blob([PNG], { type: 'image/png' }), 'chest-pa.png');
    const upload = await fetch(`${server.url}/api/attachments`, { method: 'POST', headers: { authorization: `Bearer ${radiographer.token}` }, body: form });
    expect(upload.status).toBe(201);
    const files = await physician.list('attachments', { filter: { resource: 'imaging-orders', recordId: order.id } });
    expect(files.body.map((f: any) => f.fileName)).toEqual(['chest-pa.png']);

    const draft = await radiographer.post('/api/imaging-reports', { orderId: order.id, findings: 'Lungs clear.', impression: '' });
    expect(draft.status).toBe(201);
    expect((await radiographer.post(`/api/imaging-reports/${draft.body.id}/sign`)).status).toBe(400);
    await radiographer.put(`/api/imaging-reports/${draft.body.id}`, { findings: 'Lungs clear. No pneumothorax. Heart size normal.', impression: 'Normal chest X-ray.' });
    expect((await radiographer.post(`/api/imaging-reports/${draft.body.id}/sign`)).body.signedAt).toBeTruthy();
    expect((await physician.get(`/api/imaging-orders/${order.id}`)).body).toMatchObject({ status: 'reported', report: { impression: 'Normal chest X-ray.' } });

    const verified = await physician.post(`/api/imaging-orders/${order.id}/verify`);
    expect(verified.body).toMatchObject({ status: 'verified', verifiedBy: physicianId });
    const kpi = await physician.get('/api/kpis/imaging-turnaround');
    expect(kpi.body.find((r: any) => r.priority === 'stat').verified).toBeGreaterThanOrEqual(1);
  });

  it('a signed report never changes, in the API or in the database; addenda are kept in order', async () => {
    const o = await performedOrder();
    const report = (await radiographer.post('/api/imaging-reports', { orderId: o.id, findings: 'Right lower lobe consolidation.', impression: 'Pneumonia.' })).body;
    expect((await radiographer.post(`/api/imaging-reports/${report.id}/addendum`, { text: 'Too early' })).status).toBe(409);
    await radiographer.post(`/api/imaging-reports/${report.id}/sign`);
    expect((await radiographer.put(`/api/imaging-reports/${report.id}`, { impression: 'Normal.' })).status).toBe(409);
    await expect(db.query(`UPDATE imaging_reports SET impression = 'Normal.' WHERE id = :id`, { replacements: { id: report.id } })).rejects.toThrow(/never changed/);
    await radiographer.post(`/api/imaging-reports/${report.id}/addendum`, { text: 'Compared with previous film: new finding.' });
    await radiographer.post(`/api/imaging-reports/${report.id}/addendum`, { text: 'Discussed with Dr Demo by phone.' });
    const detail = (await physician.get(`/api/imaging-reports/${report.id}`)).body;
    expect(detail.impression).toBe('Pneumonia.');
    expect(detail.addenda.map((a: any) => a.text)).toEqual(['Compared with previous film: new finding.', 'Discussed with Dr Demo by phone.']);
    await expect(db.query(`DELETE FROM imaging_report_addenda WHERE report_id = :id`, { replacements: { id: report.id } })).rejects.toThrow(/never changed/);
  });

  it('the one who signed a report cannot verify it; a second physician can', async () => {
    const o = await performedOrder();
    // A physician may not write reports at all; the radiographer signs, then the verifying physician must differ from the signer.
    expect((await physician.post('/api/imaging-reports', { orderId: o.id, findings: 'x', impression: 'y' })).status).toBe(403);
    const report = (await radiographer.post('/api/imaging-reports', { orderId: o.id, findings: 'Normal study.', impression: 'Normal.' })).body;
    await radiographer.post(`/api/imaging-reports/${report.id}/sign`);
    expect((await physician2.post(`/api/imaging-orders/${o.id}/verify`)).body.status).toBe('verified');
  });

  it('status changes follow the workflow: no report before the study is performed, no cancel after it', async () => {
    const { encounterId } = await encounter();
    const o = (await physician.post('/api/imaging-orders', { encounterId, studyId: studies['US-ABDO'], clinicalIndication: 'Right upper quadrant pain' })).body;
    expect((await radiographer.post('/api/imaging-reports', { orderId: o.id, findings: 'x', impression: 'y' })).status).toBe(409);
    expect((await physician.post(`/api/imaging-orders/${o.id}/verify`)).status).toBe(409);
    await radiographer.post(`/api/imaging-orders/${o.id}/perform`, {});
    expect((await physician.post(`/api/imaging-orders/${o.id}/cancel`, { reason: 'Patient left' })).status).toBe(409);
    await expect(db.query(`UPDATE imaging_orders SET status = 'verified' WHERE id = :id`, { replacements: { id: o.id } })).rejects.toThrow(/cannot go from/);
  });

  it('bad orders are 400s with field errors', async () => {
    const res = await physician.post('/api/imaging-orders', { studyId: 'x', priority: 'asap', clinicalIndication: '' });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors)).toEqual(expect.arrayContaining(['encounterId', 'studyId', 'priority', 'clinicalIndication']));
  });
});

describe('access', () => {
  it('the laboratory and registration have no access to radiology; the radiographer cannot order', async () => {
    const o = await performedOrder();
    for (const api of [lab, clerk]) {
      expect((await api.list('imaging-orders')).status).toBe(403);
      expect((await api.list('imaging-reports')).status).toBe(403);
      expect((await api.get(`/api/imaging-orders/${o.id}`)).status).toBe(403);
    }
    const form = new FormData();
    form.set('resource', 'imaging-orders');
    form.set('recordId', o.id);
    form.set('file', new Blob([PNG], { type: 'image/png' }), 'x.png');
    expect((await fetch(`${server.url}/api/attachments`, { method: 'POST', headers: { authorization: `Bearer ${lab.token}` }, body: form })).status).toBe(403);
    const { encounterId } = await encounter();
    expect((await radiographer.post('/api/imaging-orders', { encounterId, studyId: studies['XR-KNEE'], clinicalIndication: 'Knee pain' })).status).toBe(403);
    const roles = (await radiographer.get('/api/auth/me')).body.roles;
    expect(roles).toEqual(['radiographer']);
  });
});
