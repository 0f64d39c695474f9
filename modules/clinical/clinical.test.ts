import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/auth/passwords.js';
import { startServer, unique, type Api, type TestServer } from '../../tests/support/harness.js';

let server: TestServer;
let physician: Api;
let clerk: Api;
let cashier: Api;
let medicalAdmin: Api;

beforeAll(async () => {
  server = await startServer({ only: ['clinical'] });
  physician = await server.login('physician@healthcare.com');
  clerk = await server.login('registration@healthcare.com');
  cashier = await server.login('cashier@healthcare.com');
  medicalAdmin = await server.login('medical_admin@healthcare.com');
});
afterAll(() => server?.close());

const sql = <T = any>(text: string, replacements: Record<string, unknown> = {}) =>
  server.host.db.sequelize.query(text, { replacements, type: 'SELECT' }) as Promise<T[]>;

async function newPatient() {
  const res = await clerk.post('/api/patients', { givenName: 'Halima', familyName: `Clinical${unique()}`, sex: 'female', birthDate: '1988-06-01' });
  expect(res.status).toBe(201);
  return res.body;
}

async function openEncounter(patientId?: string) {
  const res = await physician.post('/api/encounters', { patientId: patientId ?? (await newPatient()).id, chiefComplaint: 'Cough for 3 days' });
  expect(res.status).toBe(201);
  return res.body;
}

async function signedNote() {
  const encounter = await openEncounter();
  const note = await physician.post('/api/soap-notes', { encounterId: encounter.id, subjective: 'Cough, no fever', assessment: 'Common cold', plan: 'Fluids, review in 5 days' });
  expect(note.status).toBe(201);
  const signed = await physician.post(`/api/soap-notes/${note.body.id}/sign`);
  expect(signed.status).toBe(200);
  return { encounter, note: signed.body };
}

describe('SOAP notes', () => {
  it('a physician writes and signs a note; the signature is recorded and audited', async () => {
    const { note } = await signedNote();
    expect(note.signedAt).toBeTruthy();
    expect(note.signedBy).toBe(note.authorId);
    const audit = await sql(`SELECT action, user_email FROM audit_logs WHERE resource = 'soap-notes' AND record_id = :id ORDER BY id`, { id: note.id });
    expect(audit).toEqual([
      { action: 'create', user_email: 'physician@healthcare.com' },
      { action: 'sign', user_email: 'physician@healthcare.com' },
    ]);
  });

  it('a signed note cannot be changed: the API answers 409 and the note stays as signed', async () => {
    const { note } = await signedNote();
    const res = await physician.put(`/api/soap-notes/${note.id}`, { assessment: 'Pneumonia' });
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/signed .* addendum/);
    expect((await physician.get(`/api/soap-notes/${note.id}`)).body.assessment).toBe('Common cold');
    expect((await physician.post(`/api/soap-notes/${note.id}/sign`)).status).toBe(409);
  });

  it('the database itself refuses to change or delete a signed note', async () => {
    const { note } = await signedNote();
    await expect(sql(`UPDATE soap_notes SET assessment = 'tampered' WHERE id = :id`, { id: note.id })).rejects.toThrow(/can no longer be changed/);
    await expect(sql(`DELETE FROM soap_notes WHERE id = :id`, { id: note.id })).rejects.toThrow(/never deleted/);
    const [row] = await sql(`SELECT assessment FROM soap_notes WHERE id = :id`, { id: note.id });
    expect(row.assessment).toBe('Common cold');
  });

  it('a draft can be edited by its author; an empty draft cannot be signed', async () => {
    const encounter = await openEncounter();
    const draft = (await physician.post('/api/soap-notes', { encounterId: encounter.id })).body;
    expect((await physician.post(`/api/soap-notes/${draft.id}/sign`)).status).toBe(400);
    const edited = await physician.put(`/api/soap-notes/${draft.id}`, { objective: 'Chest clear', version: draft.version });
    expect(edited.status).toBe(200);
    expect(edited.body.objective).toBe('Chest clear');
  });

  it('only the author edits or signs a draft; another physician reads it', async () => {
    const email = `physician-${unique()}@example.org`;
    await server.host.models.User.create({ email, name: 'Second Physician', roles: ['physician'], passwordHash: await hashPassword('Second-pass-1') });
    const colleague = await server.login(email, 'Second-pass-1');
    const encounter = await openEncounter();
    const draft = (await physician.post('/api/soap-notes', { encounterId: encounter.id, subjective: 'Headache' })).body;
    expect((await colleague.put(`/api/soap-notes/${draft.id}`, { subjective: 'Migraine' })).status).toBe(403);
    expect((await colleague.post(`/api/soap-notes/${draft.id}/sign`)).status).toBe(403);
    expect((await colleague.get(`/api/soap-notes/${draft.id}`)).body.subjective).toBe('Headache');
  });

  it('corrections are addenda kept with author and time and shown under the note', async () => {
    const { note } = await signedNote();
    const add = await physician.post(`/api/soap-notes/${note.id}/addenda`, { text: 'Temperature was 38.2, not 37.2' });
    expect(add.status).toBe(200);
    expect(add.body).toMatchObject({ text: 'Temperature was 38.2, not 37.2', authorName: 'Demo Physician' });
    const shown = await physician.get(`/api/soap-notes/${note.id}`);
    expect(shown.body.addenda).toEqual([
      expect.objectContaining({ text: 'Temperature was 38.2, not 37.2', authorId: note.authorId, authorName: 'Demo Physician', createdAt: expect.any(String) }),
    ]);
    expect(shown.body.assessment).toBe('Common cold');
    await expect(sql(`DELETE FROM soap_note_addenda WHERE soap_note_id = :id`, { id: note.id })).rejects.toThrow(/never changed or removed/);
  });

  it('an addendum needs text, and a draft is edited rather than amended', async () => {
    const { note } = await signedNote();
    const empty = await physician.post(`/api/soap-notes/${note.id}/addenda`, {});
    expect(empty.status).toBe(400);
    expect(empty.body.errors).toHaveProperty('text');
    const encounter = await openEncounter();
    const draft = (await physician.post('/api/soap-notes', { encounterId: encounter.id, subjective: 'x' })).body;
    expect((await physician.post(`/api/soap-notes/${draft.id}/addenda`, { text: 'late entry' })).status).toBe(409);
  });

  it('clinical notes are never deleted: no role holds delete, and the note stays', async () => {
    const { note } = await signedNote();
    expect((await physician.delete(`/api/soap-notes/${note.id}`)).status).toBe(403);
    expect((await medicalAdmin.delete(`/api/soap-notes/${note.id}`)).status).toBe(403);
    expect((await physician.get(`/api/soap-notes/${note.id}`)).status).toBe(200);
  });
});

describe('who may see and write clinical records', () => {
  it('registration and the cashier cannot read or write notes at all', async () => {
    const { encounter, note } = await signedNote();
    for (const api of [clerk, cashier]) {
      expect((await api.list('soap-notes')).status).toBe(403);
      expect((await api.get(`/api/soap-notes/${note.id}`)).status).toBe(403);
      expect((await api.post('/api/soap-notes', { encounterId: encounter.id, subjective: 'x' })).status).toBe(403);
    }
    expect((await clerk.get(`/api/encounters/${encounter.id}`)).status).toBe(403);
  });

  it('the cashier sees an encounter for billing, without its complaint, notes or diagnoses', async () => {
    const { encounter } = await signedNote();
    const res = await cashier.get(`/api/encounters/${encounter.id}`);
    expect(res.status).toBe(200);
    expect(res.body.patientId).toBe(encounter.patientId);
    expect(res.body).not.toHaveProperty('chiefComplaint');
    expect(res.body).not.toHaveProperty('soapNotes');
    expect(res.body).not.toHaveProperty('diagnoses');
  });

  it('medical_admin reads every note for oversight but writes none', async () => {
    const { encounter, note } = await signedNote();
    const read = await medicalAdmin.get(`/api/soap-notes/${note.id}`);
    expect(read.status).toBe(200);
    expect(read.body.assessment).toBe('Common cold');
    const withNotes = await medicalAdmin.get(`/api/encounters/${encounter.id}`);
    expect(withNotes.body.soapNotes.map((n: any) => n.id)).toContain(note.id);
    expect((await medicalAdmin.post('/api/soap-notes', { encounterId: encounter.id, subjective: 'x' })).status).toBe(403);
    expect((await medicalAdmin.post('/api/encounters', { patientId: encounter.patientId })).status).toBe(403);
    const viewed = await sql(`SELECT user_email FROM audit_logs WHERE resource = 'soap-notes' AND record_id = :id AND action = 'read'`, { id: note.id });
    expect(viewed).toContainEqual({ user_email: 'medical_admin@healthcare.com' });
  });
});

describe('encounters and diagnoses', () => {
  it('bad input is a 400 with per-field errors and saves nothing', async () => {
    const res = await physician.post('/api/encounters', { patientId: 'nope', type: 'surgery', startedAt: 'yesterday' });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors)).toEqual(expect.arrayContaining(['patientId', 'type', 'startedAt']));
    const ghost = await physician.post('/api/encounters', { patientId: '0190f5d2-7c1e-7000-8000-000000000000' });
    expect(ghost.status).toBe(400);
    expect(ghost.body.errors.patientId).toBeTruthy();
  });

  it('the first diagnosis is primary, the next secondary; a second primary is a 409', async () => {
    const encounter = await openEncounter();
    const first = await physician.post('/api/encounter-diagnoses', { encounterId: encounter.id, code: 'j06.9' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ code: 'J06.9', rank: 'primary', title: 'Acute upper respiratory infection, unspecified' });
    const second = await physician.post('/api/encounter-diagnoses', { encounterId: encounter.id, code: 'R05' });
    expect(second.body.rank).toBe('secondary');
    const clash = await physician.post('/api/encounter-diagnoses', { encounterId: encounter.id, code: 'I10', rank: 'primary' });
    expect(clash.status).toBe(409);
    expect(clash.body.errors.rank).toBeTruthy();
    const unknown = await physician.post('/api/encounter-diagnoses', { encounterId: encounter.id, code: 'U99.9' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors.code).toMatch(/catalogue/);
  });

  it('a closed encounter takes no new diagnosis or note', async () => {
    const encounter = await openEncounter();
    const closed = await physician.post(`/api/encounters/${encounter.id}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', endedAt: expect.any(String) });
    expect((await physician.post('/api/encounter-diagnoses', { encounterId: encounter.id, code: 'I10' })).status).toBe(409);
    expect((await physician.post('/api/soap-notes', { encounterId: encounter.id, subjective: 'x' })).status).toBe(409);
    expect((await physician.put(`/api/encounters/${encounter.id}`, { chiefComplaint: 'x' })).status).toBe(409);
    expect((await physician.post(`/api/encounters/${encounter.id}/close`)).status).toBe(409);
  });
});

describe('encounters during a visit', () => {
  /** A checked-in visit at the general outpatient clinic (inserted directly: check-in is the visits module's test). */
  async function visitOf(patientId: string) {
    const [visit] = await sql(
      `INSERT INTO visits (patient_id, clinic_id, queue_date, token_number, token)
       SELECT :patientId, id, current_date, n, 'T-' || n FROM clinics, (SELECT 100000 + floor(random() * 800000)::int AS n) r WHERE code = 'GOPD'
       RETURNING id, clinic_id AS "clinicId"`,
      { patientId },
    );
    return visit;
  }

  it('an encounter opened from a visit takes the visit’s clinic and shows on the chart', async () => {
    const patient = await newPatient();
    const visit = await visitOf(patient.id);
    const res = await physician.post('/api/encounters', { patientId: patient.id, visitId: visit.id });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ visitId: visit.id, clinicId: visit.clinicId, status: 'open', type: 'general' });
    const chart = await physician.get(`/api/patients/${patient.id}/chart`);
    expect(chart.body.timeline.map((t: any) => t.kind).sort()).toEqual(['encounter', 'visit']);
    expect(chart.body.timeline.find((t: any) => t.kind === 'visit')).toMatchObject({ id: visit.id, clinicName: 'General outpatient' });
  });

  it('another patient’s visit is a field error', async () => {
    const visit = await visitOf((await newPatient()).id);
    const res = await physician.post('/api/encounters', { patientId: (await newPatient()).id, visitId: visit.id });
    expect(res.status).toBe(400);
    expect(res.body.errors.visitId).toMatch(/another patient/);
  });
});

describe('ICD-10 catalogue', () => {
  it('is seeded with the common primary-care codes', async () => {
    const [{ n }] = await sql(`SELECT count(*)::int AS n FROM icd10_codes WHERE code IN ('A09', 'B54', 'I10', 'E11.9', 'J45.9', 'K02.9', 'Z34.9', 'A15.0', 'B24')`);
    expect(n).toBe(9);
    const [{ total }] = await sql(`SELECT count(*)::int AS total FROM icd10_codes`);
    expect(total).toBeGreaterThan(300);
  });

  it('finds codes by code prefix, best match first', async () => {
    const res = await physician.list('icd10-codes', { filter: { q: 'j06' } });
    expect(res.status).toBe(200);
    expect(res.body[0].code).toBe('J06.9');
    const malaria = await physician.list('icd10-codes', { filter: { q: 'B5' }, range: [0, 49] });
    expect(malaria.body.map((r: any) => r.code)).toEqual(expect.arrayContaining(['B50.9', 'B54']));
  });

  it('finds codes by words in any order', async () => {
    const res = await physician.list('icd10-codes', { filter: { q: 'media otitis' } });
    expect(res.body.map((r: any) => r.code)).toEqual(expect.arrayContaining(['H66.9', 'H66.0']));
    expect(res.body.every((r: any) => /otitis media/i.test(r.title))).toBe(true);
    const typo = await physician.list('icd10-codes', { filter: { q: 'hypertension' } });
    expect(typo.body.map((r: any) => r.code)).toContain('I10');
  });
});

describe('patient chart', () => {
  async function patientWithEncounters(n: number) {
    const patient = await newPatient();
    const [{ id: physicianId }] = await sql(`SELECT id FROM users WHERE email = 'physician@healthcare.com'`);
    await sql(
      `INSERT INTO encounters (patient_id, physician_id, type, status, started_at, ended_at, chief_complaint)
       SELECT :patientId, :physicianId, 'general', 'closed', now() - (i || ' days')::interval, now() - (i || ' days')::interval + interval '15 minutes', 'complaint ' || i
         FROM generate_series(1, :n) i`,
      { patientId: patient.id, physicianId, n },
    );
    return patient;
  }

  it('pages through every encounter newest first, without gaps or repeats', async () => {
    const patient = await patientWithEncounters(45);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await physician.get(`/api/patients/${patient.id}/chart?limit=20${cursor ? `&before=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      const encounters = res.body.timeline.filter((t: any) => t.kind === 'encounter');
      const times = encounters.map((e: any) => new Date(e.startedAt).getTime());
      expect(times).toEqual([...times].sort((a, b) => b - a));
      seen.push(...encounters.map((e: any) => e.id));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(45);
  });

  it('holds the diagnoses, allergies and the patient in one call', async () => {
    const patient = await newPatient();
    await physician.post('/api/patient-allergies', { patientId: patient.id, substance: 'Penicillin', severity: 'severe' });
    const encounter = await openEncounter(patient.id);
    await physician.post('/api/encounter-diagnoses', { encounterId: encounter.id, code: 'B54' });
    const res = await physician.get(`/api/patients/${patient.id}/chart`);
    expect(res.body.patient.mrn).toBe(patient.mrn);
    expect(res.body.allergies).toEqual([expect.objectContaining({ substance: 'Penicillin' })]);
    const [item] = res.body.timeline;
    expect(item).toMatchObject({ kind: 'encounter', id: encounter.id, chiefComplaint: 'Cough for 3 days' });
    expect(item.diagnoses).toEqual([expect.objectContaining({ code: 'B54', rank: 'primary' })]);
    const [read] = await sql(`SELECT user_email FROM audit_logs WHERE resource = 'patients' AND record_id = :id AND action = 'read-chart'`, { id: patient.id });
    expect(read).toEqual({ user_email: 'physician@healthcare.com' });
  });

  it('shows each reader only what their role may read', async () => {
    const patient = await newPatient();
    const encounter = await openEncounter(patient.id);
    await physician.post('/api/encounter-diagnoses', { encounterId: encounter.id, code: 'I10' });
    expect((await clerk.get(`/api/patients/${patient.id}/chart`)).status).toBe(403);
    const billing = await cashier.get(`/api/patients/${patient.id}/chart`);
    expect(billing.status).toBe(200);
    expect(billing.body.timeline[0].id).toBe(encounter.id);
    expect(billing.body.timeline[0]).not.toHaveProperty('diagnoses');
    expect(billing.body.timeline[0]).not.toHaveProperty('chiefComplaint');
    expect(billing.body).not.toHaveProperty('allergies');
  });

  it('a bad cursor or limit is a 400; an unknown patient a 404', async () => {
    const patient = await newPatient();
    const bad = await physician.get(`/api/patients/${patient.id}/chart?before=garbage&limit=500`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toHaveProperty('limit');
    expect((await physician.get(`/api/patients/${patient.id}/chart?before=garbage`)).status).toBe(400);
    expect((await physician.get(`/api/patients/0190f5d2-7c1e-7000-8000-000000000000/chart`)).status).toBe(404);
  });
});

describe('clinical KPIs', () => {
  it('count encounters per day, top diagnoses and the share of encounters with a signed note', async () => {
    const perDay = await medicalAdmin.get('/api/kpis/clinical-encounters-per-day');
    expect(perDay.status).toBe(200);
    expect(perDay.body).toHaveLength(30);
    expect(perDay.body.reduce((n: number, d: any) => n + d.count, 0)).toBeGreaterThan(0);
    const top = await medicalAdmin.get('/api/kpis/clinical-top-diagnoses');
    expect(top.body.map((d: any) => d.code)).toEqual(expect.arrayContaining(['B50.9', 'I10']));
    const rate = await medicalAdmin.get('/api/kpis/clinical-documentation-rate');
    expect(rate.body.documented).toBeLessThanOrEqual(rate.body.encounters);
    expect(rate.body.rate).toBeCloseTo(rate.body.documented / rate.body.encounters, 2);
    expect((await clerk.get('/api/kpis/clinical-documentation-rate')).status).toBe(403);
  });
});
