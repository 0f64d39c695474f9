import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/auth/passwords.js';
import { startServer, unique, type Api, type TestServer } from '../../tests/support/harness.js';

let server: TestServer;
let physician: Api;
let dentist: Api;
let clerk: Api;
let cashier: Api;
const charges: Record<string, any>[] = [];

beforeAll(async () => {
  server = await startServer({ only: ['dental'] });
  server.host.services.events.on('charge.created', (facts) => {
    charges.push(facts);
  });
  physician = await server.login('physician@healthcare.com');
  clerk = await server.login('registration@healthcare.com');
  cashier = await server.login('cashier@healthcare.com');
  const email = `dentist-${unique()}@example.org`;
  await server.host.models.User.create({ email, name: 'Test Dentist', roles: ['dentist'], passwordHash: await hashPassword('Dentist-pass-1') });
  dentist = await server.login(email, 'Dentist-pass-1');
});
afterAll(() => server?.close());

async function newPatient() {
  const res = await clerk.post('/api/patients', { givenName: 'Kofi', familyName: `Dental${unique()}`, sex: 'male', birthDate: '1979-03-09' });
  expect(res.status).toBe(201);
  return res.body;
}
async function dentalEncounter(patientId: string, api = dentist) {
  const res = await api.post('/api/encounters', { patientId, type: 'dental', chiefComplaint: 'Toothache lower left' });
  expect(res.status).toBe(201);
  return res.body;
}

describe('dental charts', () => {
  it('records per-tooth findings in FDI numbering, permanent and primary teeth', async () => {
    const patient = await newPatient();
    const findings = [
      { tooth: 36, condition: 'caries', surfaces: ['o', 'D'] },
      { tooth: 11, condition: 'filled', surfaces: ['I', 'M'] },
      { tooth: 48, condition: 'missing' },
      { tooth: 75, condition: 'sealant', surfaces: ['O'] },
    ];
    const res = await dentist.post('/api/dental-charts', { patientId: patient.id, dentition: 'mixed', findings });
    expect(res.status).toBe(201);
    expect(res.body.findings[0]).toEqual({ tooth: 36, condition: 'caries', surfaces: ['O', 'D'] });
    expect(res.body.findings[2].surfaces).toEqual([]);
    const again = await dentist.post('/api/dental-charts', { patientId: patient.id });
    expect(again.status).toBe(409);
    expect(again.body.errors.patientId).toBeTruthy();
  });

  it('an invalid tooth number or surface is a field error and saves nothing', async () => {
    const patient = await newPatient();
    const cases: [Record<string, unknown>, string][] = [
      [{ tooth: 19, condition: 'caries', surfaces: ['O'] }, 'findings.0.tooth'],
      [{ tooth: 56, condition: 'caries', surfaces: ['O'] }, 'findings.0.tooth'],
      [{ tooth: 90, condition: 'caries' }, 'findings.0.tooth'],
      [{ tooth: 16, condition: 'caries', surfaces: ['X'] }, 'findings.0.surfaces.0'],
      [{ tooth: 21, condition: 'caries', surfaces: ['M', 'O'] }, 'findings.0.surfaces.1'],
      [{ tooth: 46, condition: 'filled', surfaces: ['I'] }, 'findings.0.surfaces.0'],
      [{ tooth: 46, condition: 'missing', surfaces: ['O'] }, 'findings.0.surfaces'],
      [{ tooth: 46, condition: 'rotten' }, 'findings.0.condition'],
    ];
    for (const [finding, field] of cases) {
      const res = await dentist.post('/api/dental-charts', { patientId: patient.id, findings: [finding] });
      expect(res.status, JSON.stringify(finding)).toBe(400);
      expect(Object.keys(res.body.errors), JSON.stringify(finding)).toContain(field);
    }
    expect((await dentist.list('dental-charts', { filter: { patientId: patient.id } })).body).toEqual([]);
  });

  it('edits to the chart are saved with their history in the audit trail', async () => {
    const patient = await newPatient();
    const chart = (await dentist.post('/api/dental-charts', { patientId: patient.id, findings: [{ tooth: 26, condition: 'caries', surfaces: ['O'] }] })).body;
    const res = await dentist.put(`/api/dental-charts/${chart.id}`, { version: chart.version, findings: [{ tooth: 26, condition: 'filled', surfaces: ['O'] }] });
    expect(res.status).toBe(200);
    expect((await dentist.get(`/api/dental-charts/${chart.id}`)).body.findings).toEqual([{ tooth: 26, condition: 'filled', surfaces: ['O'] }]);
    const stale = await dentist.put(`/api/dental-charts/${chart.id}`, { version: chart.version, findings: [] });
    expect(stale.status).toBe(409);
    const [audit] = (await server.host.db.sequelize.query(`SELECT before, after FROM audit_logs WHERE resource = 'dental-charts' AND record_id = :id AND action = 'update'`, {
      replacements: { id: chart.id },
      type: 'SELECT',
    })) as any[];
    expect(audit.before.findings[0].condition).toBe('caries');
    expect(audit.after.findings[0].condition).toBe('filled');
  });

  it('registration cannot see dental charts', async () => {
    expect((await clerk.list('dental-charts')).status).toBe(403);
  });
});

describe('dental procedures', () => {
  it('a procedure must fit its tooth and surfaces', async () => {
    const patient = await newPatient();
    const bad = async (body: Record<string, unknown>, field: string) => {
      const res = await dentist.post('/api/dental-procedures', { patientId: patient.id, ...body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(res.body.errors), JSON.stringify(body)).toContain(field);
    };
    await bad({ procedureCode: 'FILL-COMPOSITE', tooth: 36 }, 'surfaces');
    await bad({ procedureCode: 'FILL-COMPOSITE', tooth: 99, surfaces: ['O'] }, 'tooth');
    await bad({ procedureCode: 'FILL-COMPOSITE', tooth: 12, surfaces: ['O'] }, 'surfaces.0');
    await bad({ procedureCode: 'SCALING', tooth: 11 }, 'tooth');
    await bad({ procedureCode: 'EXTRACT' }, 'tooth');
    await bad({ procedureCode: 'TEETH-WHITENING', tooth: 11 }, 'procedureCode');
    await bad({ procedureCode: 'EXTRACT', tooth: 38, status: 'done' }, 'encounterId');
    expect(charges.filter((c) => c.patientId === patient.id)).toEqual([]);
  });

  it('a planned procedure is charged only when it is done, once, with its price code', async () => {
    const patient = await newPatient();
    const encounter = await dentalEncounter(patient.id);
    const planned = await dentist.post('/api/dental-procedures', { patientId: patient.id, encounterId: encounter.id, procedureCode: 'FILL-COMPOSITE', tooth: 36, surfaces: ['O', 'D'] });
    expect(planned.status).toBe(201);
    expect(planned.body).toMatchObject({ status: 'planned', priceCode: 'DENT-FILLING', description: 'Composite filling' });
    expect(charges.filter((c) => c.sourceId === planned.body.id)).toEqual([]);

    const done = await dentist.post(`/api/dental-procedures/${planned.body.id}/complete`);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', performedAt: expect.any(String) });
    expect(charges.filter((c) => c.sourceId === planned.body.id)).toEqual([
      expect.objectContaining({
        patientId: patient.id,
        encounterId: encounter.id,
        department: 'Dental',
        priceCode: 'DENT-FILLING',
        description: 'Composite filling, tooth 36 (OD)',
        quantity: 1,
        sourceResource: 'dental-procedures',
      }),
    ]);
    expect((await dentist.post(`/api/dental-procedures/${planned.body.id}/complete`)).status).toBe(409);
    expect((await dentist.post(`/api/dental-procedures/${planned.body.id}/cancel`)).status).toBe(409);
    expect((await dentist.put(`/api/dental-procedures/${planned.body.id}`, { tooth: 37 })).status).toBe(409);
  });

  it('a procedure recorded as done is charged at once; the cashier sees it without clinical notes', async () => {
    const patient = await newPatient();
    const encounter = await dentalEncounter(patient.id);
    const res = await dentist.post('/api/dental-procedures', { patientId: patient.id, encounterId: encounter.id, procedureCode: 'EXTRACT', tooth: 85, status: 'done', notes: 'Mobile, root resorbed' });
    expect(res.status).toBe(201);
    expect(charges.filter((c) => c.sourceId === res.body.id)).toHaveLength(1);
    const billing = await cashier.get(`/api/dental-procedures/${res.body.id}`);
    expect(billing.body).toMatchObject({ priceCode: 'DENT-EXTRACT', tooth: 85, status: 'done' });
    expect(billing.body).not.toHaveProperty('notes');
  });

  it('a procedure cannot be done in another patient’s encounter', async () => {
    const patient = await newPatient();
    const other = await dentalEncounter((await newPatient()).id);
    const res = await dentist.post('/api/dental-procedures', { patientId: patient.id, encounterId: other.id, procedureCode: 'SCALING', status: 'done' });
    expect(res.status).toBe(400);
    expect(res.body.errors.encounterId).toMatch(/another patient/);
  });
});

describe('dental notes through the clinical module', () => {
  it('a dentist writes and signs the SOAP note of a dental encounter; the chart shows the plan', async () => {
    const patient = await newPatient();
    const encounter = await dentalEncounter(patient.id);
    expect(encounter.type).toBe('dental');
    const note = await dentist.post('/api/soap-notes', { encounterId: encounter.id, subjective: 'Pain on 36 with cold', objective: 'Deep caries 36 OD', assessment: 'Reversible pulpitis', plan: 'Composite filling 36 OD' });
    expect(note.status).toBe(201);
    expect((await dentist.post(`/api/soap-notes/${note.body.id}/sign`)).status).toBe(200);
    expect((await dentist.post('/api/encounter-diagnoses', { encounterId: encounter.id, code: 'K04.0' })).status).toBe(201);
    const chart = (await dentist.post('/api/dental-charts', { patientId: patient.id, findings: [{ tooth: 36, condition: 'caries', surfaces: ['O', 'D'] }] })).body;
    await dentist.post('/api/dental-procedures', { patientId: patient.id, encounterId: encounter.id, procedureCode: 'FILL-COMPOSITE', tooth: 36, surfaces: ['O', 'D'] });
    const shown = await dentist.get(`/api/dental-charts/${chart.id}`);
    expect(shown.body.procedures).toEqual([expect.objectContaining({ tooth: 36, procedureCode: 'FILL-COMPOSITE', status: 'planned' })]);
    const withNote = await physician.get(`/api/encounters/${encounter.id}`);
    expect(withNote.body.soapNotes[0]).toMatchObject({ assessment: 'Reversible pulpitis', authorName: 'Test Dentist', signedAt: expect.any(String) });
  });
});
