import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, unique, type Api, type TestServer } from '../../tests/support/harness.js';

let server: TestServer;
let clerk: Api;
let cashier: Api;
let physician: Api;

beforeAll(async () => {
  server = await startServer({ only: ['patients'] });
  clerk = await server.login('registration@healthcare.com');
  cashier = await server.login('cashier@healthcare.com');
  physician = await server.login('physician@healthcare.com');
});
afterAll(() => server?.close());

const newPatient = (over: Record<string, unknown> = {}) => ({
  givenName: 'Amina',
  familyName: `Testpatient${unique()}`,
  sex: 'female',
  birthDate: '1990-04-12',
  phone: '+254700000001',
  ...over,
});

describe('patient registration', () => {
  it('a registration clerk registers a patient and gets an MRN with a valid check digit', async () => {
    const res = await clerk.post('/api/patients', newPatient());
    expect(res.status).toBe(201);
    expect(res.body.mrn).toMatch(/^PHC\d{8}$/);
    const digits = res.body.mrn.slice(3, 10);
    let sum = 0;
    [...digits].reverse().forEach((c: string, i: number) => {
      let d = Number(c);
      if (i % 2 === 0) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
    });
    expect(Number(res.body.mrn.slice(-1))).toBe((10 - (sum % 10)) % 10);
    const audit = await server.host.db.sequelize.query(`SELECT action, after FROM audit_logs WHERE resource = 'patients' AND record_id = :id`, {
      replacements: { id: res.body.id },
      type: QueryTypes.SELECT,
    });
    expect(audit).toEqual([expect.objectContaining({ action: 'create', after: expect.objectContaining({ mrn: res.body.mrn }) })]);
  });

  it('MRNs are unique and never reused, even after a failed insert', async () => {
    const a = await clerk.post('/api/patients', newPatient());
    const bad = await clerk.post('/api/patients', newPatient({ sex: 'x' }));
    expect(bad.status).toBe(400);
    const b = await clerk.post('/api/patients', newPatient());
    expect(a.body.mrn).not.toBe(b.body.mrn);
  });

  it('the same national ID is a 409 that points at the existing record, and nothing is saved', async () => {
    const nid = `NID${unique()}`.slice(0, 20);
    const first = await clerk.post('/api/patients', newPatient({ nationalId: nid }));
    expect(first.status).toBe(201);
    const familyName = `Other${unique()}`;
    const second = await clerk.post('/api/patients', newPatient({ nationalId: nid, familyName }));
    expect(second.status).toBe(409);
    expect(second.body.existingId).toBe(first.body.id);
    expect(second.body.errors.nationalId).toContain(first.body.mrn);
    const found = await clerk.list('patients', { filter: { q: familyName } });
    expect(found.body).toEqual([]);
  });

  it('a similar name with the same birth date is saved but returned with possibleDuplicates', async () => {
    const familyName = `Okonkwo${unique()}`;
    const first = await clerk.post('/api/patients', newPatient({ givenName: 'Grace', familyName, birthDate: '1985-02-03' }));
    const second = await clerk.post('/api/patients', newPatient({ givenName: 'Grace', familyName: `${familyName}a`, birthDate: '1985-02-03' }));
    expect(second.status).toBe(201);
    expect(second.body.possibleDuplicates.map((p: any) => p.id)).toContain(first.body.id);
  });

  it('search finds a patient by MRN, by name fragment and by phone', async () => {
    const familyName = `Searchable${unique()}`;
    const phone = `+25471${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    const p = (await clerk.post('/api/patients', newPatient({ familyName, phone }))).body;
    for (const q of [p.mrn, familyName.slice(0, 12).toLowerCase(), phone.slice(1)]) {
      const res = await clerk.list('patients', { filter: { q } });
      expect(res.status).toBe(200);
      expect(res.body.map((r: any) => r.id)).toContain(p.id);
    }
    const byMrn = await clerk.list('patients', { filter: { q: p.mrn } });
    expect(byMrn.body[0].id).toBe(p.id);
  });

  it('an estimated age records an estimated birth date', async () => {
    const res = await clerk.post('/api/patients', { ...newPatient(), birthDate: undefined, estimatedAge: 40 });
    expect(res.status).toBe(201);
    expect(res.body.birthDateEstimated).toBe(true);
    expect(res.body.birthDate).toBe(`${new Date().getUTCFullYear() - 40}-01-01`);
  });

  it('bad input is a 400 with per-field errors', async () => {
    const res = await clerk.post('/api/patients', { givenName: '', sex: 'robot', birthDate: '2999-01-01', phone: 'abc' });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors)).toEqual(expect.arrayContaining(['givenName', 'familyName', 'sex', 'birthDate', 'phone']));
  });

  it('a cashier sees the name and insurance but not allergies', async () => {
    const p = (await clerk.post('/api/patients', newPatient({ bloodGroup: 'O+' }))).body;
    await physician.post('/api/patient-allergies', { patientId: p.id, substance: 'Penicillin', allergyClass: 'penicillins', severity: 'severe' });
    const asPhysician = await physician.get(`/api/patients/${p.id}`);
    expect(asPhysician.body.allergies).toHaveLength(1);
    const asCashier = await cashier.get(`/api/patients/${p.id}`);
    expect(asCashier.status).toBe(200);
    expect(asCashier.body.givenName).toBe('Amina');
    expect(asCashier.body.insurances).toEqual([]);
    expect(asCashier.body).not.toHaveProperty('allergies');
    expect(asCashier.body).not.toHaveProperty('bloodGroup');
    expect((await cashier.list('patient-allergies')).status).toBe(403);
  });

  it('reading a patient record is written to the audit trail', async () => {
    const p = (await clerk.post('/api/patients', newPatient())).body;
    await physician.get(`/api/patients/${p.id}`);
    const [row] = await server.host.db.sequelize.query(
      `SELECT user_email FROM audit_logs WHERE resource = 'patients' AND record_id = :id AND action = 'read'`,
      { replacements: { id: p.id }, type: QueryTypes.SELECT },
    );
    expect(row).toEqual({ user_email: 'physician@healthcare.com' });
  });

  it('filters by sex and age band', async () => {
    const familyName = `Child${unique()}`;
    const birthDate = new Date(Date.now() - 3 * 365 * 86400_000).toISOString().slice(0, 10);
    await clerk.post('/api/patients', newPatient({ familyName, sex: 'male', birthDate }));
    const under5 = await clerk.list('patients', { filter: { q: familyName, ageBand: '0-4', sex: 'male' } });
    expect(under5.body).toHaveLength(1);
    const adults = await clerk.list('patients', { filter: { q: familyName, ageBand: '25-44' } });
    expect(adults.body).toHaveLength(0);
  });
});
