import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Api, type TestServer } from '../../tests/support/harness.js';
import { createClinic, createPatient, type ClinicFixture } from '../appointments/testing.js';
import type { VisitsService } from './service.js';

let server: TestServer;
let admin: Api;
let clerk: Api;
let medAdmin: Api;
let fx: ClinicFixture;

beforeAll(async () => {
  server = await startServer({ only: ['visits'] });
  admin = await server.login('admin@healthcare.com');
  clerk = await server.login('registration@healthcare.com');
  medAdmin = await server.login('medical_admin@healthcare.com');
  fx = await createClinic(server, admin, { tokenPrefix: 'Q' });
});
afterAll(() => server?.close());

const checkIn = async (clinicId = fx.clinic.id, over: Record<string, unknown> = {}) => {
  const patient = await createPatient(clerk);
  const res = await clerk.post('/api/visits', { patientId: patient.id, clinicId, ...over });
  return { patient, res };
};
/** The next 15-minute slot at least 15 minutes from now (UTC, the test clinic's zone). */
const nextSlotToday = () => new Date(Math.ceil((Date.now() + 15 * 60_000) / 900_000) * 900_000).toISOString();

describe('check-in', () => {
  it('a walk-in gets the next token of the clinic\'s day and waits; the check-in is audited', async () => {
    const own = await createClinic(server, admin, { tokenPrefix: 'W' });
    const a = await checkIn(own.clinic.id);
    expect(a.res.status).toBe(201);
    expect(a.res.body).toMatchObject({ token: 'W-001', tokenNumber: 1, queueStatus: 'waiting', priority: 'routine' });
    const b = await checkIn(own.clinic.id);
    expect(b.res.body.token).toBe('W-002');
    const audit = await server.host.db.sequelize.query(`SELECT action FROM audit_logs WHERE resource = 'visits' AND record_id = :id`, { type: QueryTypes.SELECT, replacements: { id: a.res.body.id } });
    expect(audit).toEqual([{ action: 'create' }]);
  });

  it('concurrent check-ins get distinct, consecutive tokens with no gap', async () => {
    const own = await createClinic(server, admin, { tokenPrefix: 'C' });
    const patients = await Promise.all(Array.from({ length: 12 }, () => createPatient(clerk)));
    const results = await Promise.all(patients.map((p) => clerk.post('/api/visits', { patientId: p.id, clinicId: own.clinic.id })));
    expect(results.every((r) => r.status === 201)).toBe(true);
    const numbers = results.map((r) => r.body.tokenNumber).sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(new Set(results.map((r) => r.body.token)).size).toBe(12);
  });

  it('a refused check-in does not use up a token number', async () => {
    const own = await createClinic(server, admin, { tokenPrefix: 'G' });
    const first = await checkIn(own.clinic.id);
    const again = await clerk.post('/api/visits', { patientId: first.patient.id, clinicId: own.clinic.id });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/already in the .* queue with token G-001/);
    expect((await checkIn(own.clinic.id)).res.body.token).toBe('G-002');
  });

  it('checking in an appointment marks it checked in and links the visit; it cannot be checked in twice', async () => {
    const patient = await createPatient(clerk);
    const appt = await clerk.post('/api/appointments', { patientId: patient.id, clinicId: fx.clinic.id, providerId: fx.physician.id, startAt: nextSlotToday() });
    expect(appt.status).toBe(201);
    const res = await clerk.post('/api/visits', { patientId: patient.id, appointmentId: appt.body.id });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ clinicId: fx.clinic.id, appointmentId: appt.body.id, providerId: fx.physician.id });
    expect((await clerk.get(`/api/appointments/${appt.body.id}`)).body.status).toBe('checked-in');
    const twice = await clerk.post('/api/visits', { patientId: patient.id, appointmentId: appt.body.id });
    expect(twice.status).toBe(409);
  });

  it('an appointment on another day or of another patient is refused', async () => {
    const patient = await createPatient(clerk);
    const later = new Date(Date.now() + 3 * 86_400_000);
    later.setUTCHours(10, 0, 0, 0);
    const appt = await clerk.post('/api/appointments', { patientId: patient.id, clinicId: fx.clinic.id, providerId: fx.physician.id, startAt: later.toISOString() });
    expect((await clerk.post('/api/visits', { patientId: patient.id, appointmentId: appt.body.id })).status).toBe(409);
    const other = await createPatient(clerk);
    const res = await clerk.post('/api/visits', { patientId: other.id, appointmentId: appt.body.id });
    expect(res.status).toBe(400);
    expect(res.body.errors.appointmentId).toBeTruthy();
    expect((await clerk.get(`/api/appointments/${appt.body.id}`)).body.status).toBe('booked');
  });

  it('bad input is a 400 with field errors', async () => {
    const res = await clerk.post('/api/visits', { patientId: 'nobody' });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors)).toEqual(expect.arrayContaining(['patientId']));
    const noClinic = await clerk.post('/api/visits', { patientId: (await createPatient(clerk)).id });
    expect(noClinic.body.errors.clinicId).toBeTruthy();
    const ghost = await clerk.post('/api/visits', { patientId: '00000000-0000-4000-8000-000000000000', clinicId: fx.clinic.id });
    expect(ghost.status).toBe(400);
    expect(ghost.body.errors.patientId).toBeTruthy();
  });
});

describe('the queue', () => {
  it('is ordered by triage priority, then arrival', async () => {
    const own = await createClinic(server, admin, { tokenPrefix: 'P' });
    const arrivals = [];
    for (let i = 0; i < 5; i++) arrivals.push((await checkIn(own.clinic.id)).res.body);
    const visits = server.host.services.get<VisitsService>('visits');
    const setPriority = (id: string, p: any) => server.host.db.sequelize.transaction(() => visits.setPriority({}, id, p));
    await setPriority(arrivals[1].id, 'urgent');
    await setPriority(arrivals[3].id, 'emergency');
    await setPriority(arrivals[4].id, 'urgent');
    const queue = await clerk.get(`/api/visits/queue?clinicId=${own.clinic.id}`);
    expect(queue.status).toBe(200);
    expect(queue.body.visits.map((v: any) => v.token)).toEqual(['P-004', 'P-002', 'P-005', 'P-001', 'P-003']);
    expect(queue.body.visits.map((v: any) => v.position)).toEqual([1, 2, 3, 4, 5]);
    const list = await clerk.list('visits', { sort: ['priorityRank', 'ASC'], filter: { clinicId: own.clinic.id, queueStatus: 'waiting' } });
    expect(list.body.map((v: any) => v.token)).toEqual(['P-004', 'P-002', 'P-005', 'P-001', 'P-003']);
  });

  it('call, start and complete follow each other; anything else is a 409 that changes nothing', async () => {
    const { res } = await checkIn();
    const id = res.body.id;
    const doc = fx.physician.api;
    expect((await doc.post(`/api/visits/${id}/start`)).status).toBe(409);
    const early = await doc.post(`/api/visits/${id}/complete`);
    expect(early.status).toBe(409);
    expect(early.body.message).toMatch(/is waiting/);
    const called = await doc.post(`/api/visits/${id}/call`);
    expect(called.status).toBe(200);
    expect(called.body).toMatchObject({ queueStatus: 'called', calledBy: fx.physician.id });
    expect((await doc.post(`/api/visits/${id}/call`)).status).toBe(409);
    expect((await doc.post(`/api/visits/${id}/start`)).body.queueStatus).toBe('in-consultation');
    expect((await clerk.post(`/api/visits/${id}/left`, {})).status).toBe(409);
    const done = await doc.post(`/api/visits/${id}/complete`);
    expect(done.body).toMatchObject({ queueStatus: 'done', providerId: fx.physician.id });
    expect(done.body.completedAt).toBeTruthy();
    expect((await doc.post(`/api/visits/${id}/call`)).status).toBe(409);
    expect((await clerk.get(`/api/visits/${id}`)).body.queueStatus).toBe('done');
    const audit = await server.host.db.sequelize.query<{ action: string }>(`SELECT action FROM audit_logs WHERE resource = 'visits' AND record_id = :id ORDER BY id`, { type: QueryTypes.SELECT, replacements: { id } });
    expect(audit.map((a) => a.action)).toEqual(['create', 'call', 'start', 'complete']);
  });

  it('a patient who left without being seen is marked left', async () => {
    const { res } = await checkIn();
    const left = await clerk.post(`/api/visits/${res.body.id}/left`, { reason: 'Could not wait' });
    expect(left.status).toBe(200);
    expect(left.body.queueStatus).toBe('left');
    expect(left.body.leftAt).toBeTruthy();
  });

  it('completing a visit charges the consultation and completes its appointment', async () => {
    const charges: any[] = [];
    server.host.services.events.on('charge.created', (facts) => void charges.push(facts));
    const patient = await createPatient(clerk);
    const appt = await clerk.post('/api/appointments', { patientId: patient.id, clinicId: fx.clinic.id, providerId: fx.physician.id, startAt: new Date(Date.parse(nextSlotToday()) + 15 * 60_000).toISOString() });
    const visit = (await clerk.post('/api/visits', { patientId: patient.id, appointmentId: appt.body.id })).body;
    for (const a of ['call', 'start', 'complete']) expect((await fx.physician.api.post(`/api/visits/${visit.id}/${a}`)).status).toBe(200);
    expect(charges).toEqual([
      expect.objectContaining({ patientId: patient.id, visitId: visit.id, priceCode: `CONSULT-${fx.clinic.code}`, quantity: 1, sourceResource: 'visits', sourceId: visit.id }),
    ]);
    expect((await clerk.get(`/api/appointments/${appt.body.id}`)).body.status).toBe('completed');
  });

  it('a physician works only the queues of clinics where they hold a session; medical_admin works any', async () => {
    const other = await createClinic(server, admin, { tokenPrefix: 'O' });
    const { res } = await checkIn(other.clinic.id);
    const refused = await fx.physician.api.post(`/api/visits/${res.body.id}/call`);
    expect(refused.status).toBe(403);
    expect((await clerk.get(`/api/visits/${res.body.id}`)).body.queueStatus).toBe('waiting');
    expect((await medAdmin.post(`/api/visits/${res.body.id}/call`)).status).toBe(200);
  });

  it('wait times per clinic are served as a KPI', async () => {
    const res = await medAdmin.get('/api/kpis/visits-wait-times');
    expect(res.status).toBe(200);
    const mine = res.body.find((r: any) => r.clinicCode === fx.clinic.code);
    expect(mine.visits).toBeGreaterThan(0);
    expect(mine.called).toBeGreaterThanOrEqual(2);
    expect(typeof mine.avgArrivalToCall).toBe('number');
    expect(typeof mine.medianCallToDone).toBe('number');
    expect((await clerk.get('/api/kpis/visits-wait-times?from=yesterday')).status).toBe(400);
  });
});

describe('who may do what', () => {
  it('registration checks in but does not call; the cashier reads visits but checks in no one', async () => {
    const { res } = await checkIn();
    expect((await clerk.post(`/api/visits/${res.body.id}/call`)).status).toBe(403);
    const cashier = await server.login('cashier@healthcare.com');
    expect((await cashier.get(`/api/visits/${res.body.id}`)).status).toBe(200);
    expect((await cashier.post('/api/visits', { patientId: res.body.patientId, clinicId: fx.clinic.id })).status).toBe(403);
    const lab = await server.login('laboratory@healthcare.com');
    expect((await lab.list('visits')).status).toBe(403);
  });
});

describe('demo data', () => {
  it('general outpatient has today\'s queue: booked patients checked in with A- tokens, one called', async () => {
    const [gopd] = (await clerk.list('clinics', { filter: { code: 'GOPD' } })).body;
    const queue = await clerk.get(`/api/visits/queue?clinicId=${gopd.id}`);
    expect(queue.status).toBe(200);
    const tokens = queue.body.visits.map((v: any) => v.token);
    expect(tokens).toEqual(expect.arrayContaining(['A-001', 'A-002', 'A-003', 'A-004']));
    expect(queue.body.visits.find((v: any) => v.token === 'A-001').queueStatus).toBe('called');
  });
});

describe('the waiting-room display', () => {
  it('shows the tokens being called and waiting, without sign-in, and never a name or MRN', async () => {
    const own = await createClinic(server, admin, { tokenPrefix: 'D' });
    const first = await checkIn(own.clinic.id);
    const second = await checkIn(own.clinic.id);
    await medAdmin.post(`/api/visits/${first.res.body.id}/call`);
    const page = await fetch(`${server.url}/display/${own.clinic.code.toLowerCase()}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('D-001');
    expect(html).toContain('D-002');
    expect(html).toMatch(/<meta http-equiv="refresh" content="\d+">/);
    for (const p of [first.patient, second.patient]) {
      expect(html).not.toContain(p.familyName);
      expect(html).not.toContain(p.mrn);
    }
    const json = await (await fetch(`${server.url}/display/${own.clinic.code}/tokens.json`)).json();
    expect(json).toEqual({ clinic: own.clinic.name, calling: ['D-001'], waiting: ['D-002'] });
    expect((await fetch(`${server.url}/display/NO-SUCH-CLINIC`)).status).toBe(404);
  });
});
