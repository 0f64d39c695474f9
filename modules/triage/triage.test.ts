import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Api, type TestServer } from '../../tests/support/harness.js';
import { createClinic, createPatient, type ClinicFixture } from '../appointments/testing.js';

let server: TestServer;
let clerk: Api;
let doc: Api;
let fx: ClinicFixture;

beforeAll(async () => {
  server = await startServer({ only: ['triage'] });
  clerk = await server.login('registration@healthcare.com');
  fx = await createClinic(server, await server.login('admin@healthcare.com'), { tokenPrefix: 'R' });
  doc = fx.physician.api;
});
afterAll(() => server?.close());

const NORMAL = { systolic: 120, diastolic: 80, pulse: 76, respiratoryRate: 16, temperature: 36.8, spo2: 98, weightKg: 70, heightCm: 175, painScore: 1 };

const arrive = async (over: Record<string, unknown> = {}) => {
  const patient = await createPatient(clerk, over);
  const res = await clerk.post('/api/visits', { patientId: patient.id, clinicId: fx.clinic.id });
  expect(res.status).toBe(201);
  return res.body as { id: string; token: string; patientId: string };
};
const triage = (visitId: string, body: Record<string, unknown>) => doc.post('/api/triage-assessments', { visitId, chiefComplaint: 'Headache', ...body });

describe('vital signs', () => {
  it('values outside physiological ranges are field errors and nothing is saved', async () => {
    const visit = await arrive();
    const res = await doc.post('/api/vital-signs', { visitId: visit.id, temperature: 60, spo2: 120, pulse: 72.5, painScore: 11, heightCm: 1700 });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors).sort()).toEqual(['heightCm', 'painScore', 'pulse', 'spo2', 'temperature']);
    expect(res.body.errors.temperature).toMatch(/between 30 and 45/);
    const inverted = await doc.post('/api/vital-signs', { visitId: visit.id, systolic: 90, diastolic: 95 });
    expect(inverted.body.errors.diastolic).toMatch(/below the systolic/);
    const rows = await server.host.db.sequelize.query(`SELECT 1 FROM vital_signs WHERE visit_id = :id`, { type: QueryTypes.SELECT, replacements: { id: visit.id } });
    expect(rows).toHaveLength(0);
    const empty = await doc.post('/api/vital-signs', { visitId: visit.id });
    expect(empty.status).toBe(400);
  });

  it('a reading is saved with its BMI computed, and a correction recomputes it', async () => {
    const visit = await arrive();
    const res = await doc.post('/api/vital-signs', { visitId: visit.id, ...NORMAL, bloodGlucose: 5.4 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ patientId: visit.patientId, bmi: 22.9, temperature: 36.8, bloodGlucose: 5.4 });
    const fixed = await doc.put(`/api/vital-signs/${res.body.id}`, { weightKg: 80 });
    expect(fixed.status).toBe(200);
    expect(fixed.body.bmi).toBe(26.1);
    const bad = await doc.put(`/api/vital-signs/${res.body.id}`, { diastolic: 130 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.diastolic).toMatch(/below the systolic/);
  });
});

describe('triage priority from the rule set', () => {
  it.each([
    { label: 'normal vital signs', body: { vitals: NORMAL }, expected: 'routine' },
    { label: 'a fever of 39 °C', body: { vitals: { ...NORMAL, temperature: 39 } }, expected: 'urgent' },
    { label: 'chest pain', body: { vitals: NORMAL, dangerSigns: ['chest-pain'] }, expected: 'very-urgent' },
    { label: 'an SpO2 of 85 %', body: { vitals: { ...NORMAL, spo2: 85 } }, expected: 'emergency' },
    { label: 'convulsions in the complaint', body: { chiefComplaint: 'Convulsions since morning' }, expected: 'emergency' },
  ])('$label gives $expected, set on the visit', async ({ body, expected }) => {
    const visit = await arrive();
    const res = await triage(visit.id, body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ computedPriority: expected, priority: expected });
    if (expected !== 'routine') expect(res.body.decidedBy).toContain('triage-priority');
    expect((await doc.get(`/api/visits/${visit.id}`)).body.priority).toBe(expected);
  });

  it('the triage moves the patient up the queue', async () => {
    const first = await arrive();
    const second = await arrive();
    await triage(first.id, { vitals: NORMAL });
    await triage(second.id, { vitals: { ...NORMAL, systolic: 70, diastolic: 40 } });
    const queue = await doc.get(`/api/visits/queue?clinicId=${fx.clinic.id}`);
    const tokens = queue.body.visits.map((v: any) => v.token);
    expect(tokens.indexOf(second.token)).toBeLessThan(tokens.indexOf(first.token));
  });

  it('the assessment saves its vital signs, and the priority change is audited on the visit', async () => {
    const visit = await arrive();
    const res = await triage(visit.id, { vitals: { ...NORMAL, temperature: 38.9 } });
    expect(res.body.vitalSigns).toMatchObject({ visitId: visit.id, temperature: 38.9, bmi: 22.9 });
    const audit = await server.host.db.sequelize.query<{ resource: string; action: string }>(
      `SELECT resource, action FROM audit_logs WHERE record_id IN (:ids) ORDER BY id`,
      { type: QueryTypes.SELECT, replacements: { ids: [visit.id, res.body.id, res.body.vitalSignsId] } },
    );
    expect(audit).toEqual(
      expect.arrayContaining([
        { resource: 'vital-signs', action: 'create' },
        { resource: 'visits', action: 'set-priority' },
        { resource: 'triage-assessments', action: 'create' },
      ]),
    );
  });

  it('overriding the rules needs a reason; the computed priority is kept beside it', async () => {
    const visit = await arrive();
    const bare = await triage(visit.id, { vitals: NORMAL, overridePriority: 'urgent' });
    expect(bare.status).toBe(400);
    expect(bare.body.errors.overrideReason).toBeTruthy();
    expect((await doc.get(`/api/visits/${visit.id}`)).body.priority).toBe('routine');
    const res = await triage(visit.id, { vitals: NORMAL, overridePriority: 'urgent', overrideReason: 'Looks unwell, grey and sweaty' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ computedPriority: 'routine', priority: 'urgent', overrideReason: 'Looks unwell, grey and sweaty' });
    expect((await doc.get(`/api/visits/${visit.id}`)).body.priority).toBe('urgent');
  });

  it('evaluate shows the priority at once and saves nothing', async () => {
    const visit = await arrive();
    const res = await doc.post('/api/triage-assessments/evaluate', { visitId: visit.id, vitals: { pulse: 135, weightKg: 50, heightCm: 160 } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ priority: 'very-urgent', bmi: 19.5 });
    expect((await doc.post('/api/triage-assessments/evaluate', { vitals: { temperature: 60 } })).body.errors['vitals.temperature']).toBeTruthy();
    expect((await doc.list('triage-assessments', { filter: { visitId: visit.id } })).body).toEqual([]);
  });

  it('a changed rule set changes the priority, without a restart', async () => {
    const head = await server.login('facility_head@healthcare.com');
    const found = await head.list('workflow-rules', { filter: { q: 'triage-priority' } });
    const ruleSet = (await head.get(`/api/workflow-rules/${found.body[0].id}`)).body;
    const original = ruleSet.rules;
    const before = await triage((await arrive()).id, { vitals: { ...NORMAL, temperature: 38.2 } });
    expect(before.body.priority).toBe('routine');
    const stricter = [
      ...original,
      { name: 'Any fever is urgent', priority: 20, conditions: { all: [{ fact: 'temperature', operator: 'greaterThanInclusive', value: 38 }] }, event: { type: 'priority.set', params: { priority: 'urgent' } } },
    ];
    const saved = await head.put(`/api/workflow-rules/${ruleSet.id}`, { rules: stricter, comment: 'Fever from 38 °C' });
    expect(saved.status).toBe(200);
    try {
      const after = await triage((await arrive()).id, { vitals: { ...NORMAL, temperature: 38.2 } });
      expect(after.body.priority).toBe('urgent');
      expect(after.body.decidedBy).toContain('Any fever is urgent');
    } finally {
      await head.put(`/api/workflow-rules/${ruleSet.id}`, { rules: original, comment: 'Back to the default' });
    }
  });

  it('a visit that is over cannot be triaged', async () => {
    const visit = await arrive();
    await clerk.post(`/api/visits/${visit.id}/left`, {});
    expect((await triage(visit.id, { vitals: NORMAL })).status).toBe(409);
  });
});

describe('who may see vital signs', () => {
  it('physicians triage; the cashier and registration neither read nor record vitals; the facility head reads', async () => {
    const visit = await arrive();
    await triage(visit.id, { vitals: NORMAL });
    for (const email of ['cashier@healthcare.com', 'registration@healthcare.com']) {
      const api = await server.login(email);
      expect((await api.list('vital-signs')).status).toBe(403);
      expect((await api.list('triage-assessments')).status).toBe(403);
      expect((await api.post('/api/triage-assessments', { visitId: visit.id, chiefComplaint: 'x' })).status).toBe(403);
    }
    const head = await server.login('facility_head@healthcare.com');
    expect((await head.list('vital-signs', { filter: { visitId: visit.id } })).body).toHaveLength(1);
    expect((await head.post('/api/vital-signs', { visitId: visit.id, pulse: 80 })).status).toBe(403);
    const medAdmin = await server.login('medical_admin@healthcare.com');
    expect((await medAdmin.post('/api/vital-signs', { visitId: visit.id, pulse: 80 })).status).toBe(201);
  });
});
