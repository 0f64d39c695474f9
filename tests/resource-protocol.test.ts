import { QueryTypes } from 'sequelize';
/**
 * The REST core speaks ra-data-simple-rest exactly: react-admin's own data provider is the
 * client here, unchanged.
 */
import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils } from 'ra-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, unique, type Api, type TestServer } from './support/harness.js';

let server: TestServer;
let clerk: Api;
let provider: ReturnType<typeof simpleRestProvider>;
const family = `Protocol${unique()}`;

beforeAll(async () => {
  server = await startServer({ only: ['patients'] });
  clerk = await server.login('registration@healthcare.com');
  const httpClient = (url: string, options: fetchUtils.Options = {}) =>
    fetchUtils.fetchJson(url, { ...options, user: { authenticated: true, token: `Bearer ${clerk.token}` } });
  provider = simpleRestProvider(`${server.url}/api`, httpClient);
});
afterAll(() => server?.close());

const patient = (givenName: string) => ({ givenName, familyName: family, sex: 'female', birthDate: '1991-01-01' });

describe('ra-data-simple-rest protocol', () => {
  it('create, getOne, getList with sort/range/filter and total, getMany, getManyReference, update, delete', async () => {
    const created = [];
    for (const name of ['Ada', 'Bea', 'Cleo']) created.push((await provider.create('patients', { data: patient(name) })).data);
    expect(created[0].id).toBeTruthy();

    const one = await provider.getOne('patients', { id: created[1].id });
    expect(one.data.givenName).toBe('Bea');

    const page = await provider.getList('patients', {
      pagination: { page: 1, perPage: 2 },
      sort: { field: 'givenName', order: 'DESC' },
      filter: { q: family },
    });
    expect(page.total).toBe(3);
    expect(page.data.map((p) => p.givenName)).toEqual(['Cleo', 'Bea']);
    const page2 = await provider.getList('patients', { pagination: { page: 2, perPage: 2 }, sort: { field: 'givenName', order: 'DESC' }, filter: { q: family } });
    expect(page2.data.map((p) => p.givenName)).toEqual(['Ada']);

    const many = await provider.getMany('patients', { ids: [created[0].id, created[2].id] });
    expect(many.data.map((p) => p.givenName).sort()).toEqual(['Ada', 'Cleo']);

    const allergy = await provider.create('patient-allergies', { data: { patientId: created[0].id, substance: 'Latex', severity: 'mild' } });
    const refs = await provider.getManyReference('patient-allergies', {
      target: 'patientId',
      id: created[0].id,
      pagination: { page: 1, perPage: 10 },
      sort: { field: 'createdAt', order: 'ASC' },
      filter: {},
    });
    expect(refs.total).toBe(1);
    expect(refs.data[0].id).toBe(allergy.data.id);

    const updated = await provider.update('patients', { id: created[0].id, data: { ...one.data, id: created[0].id, version: created[0].version, phone: '+254711111111' }, previousData: created[0] });
    expect(updated.data.phone).toBe('+254711111111');
    expect(updated.data.version).toBe(created[0].version + 1);

    const admin = await server.login('admin@healthcare.com');
    const adminProvider = simpleRestProvider(`${server.url}/api`, (url: string, options: fetchUtils.Options = {}) =>
      fetchUtils.fetchJson(url, { ...options, user: { authenticated: true, token: `Bearer ${admin.token}` } }),
    );
    await adminProvider.delete('patients', { id: created[2].id, previousData: created[2] });
    await expect(provider.getOne('patients', { id: created[2].id })).rejects.toMatchObject({ status: 404 });
  });
});

describe('search text is taken literally', () => {
  it('% and _ in a search or a text filter match themselves, not any text', async () => {
    const city = `Per%cent_${unique()}`;
    const { data } = await provider.create('patients', { data: { ...patient('Literal'), city } });
    const list = async (filter: object) => provider.getList('patients', { pagination: { page: 1, perPage: 10 }, sort: { field: 'createdAt', order: 'DESC' }, filter });
    // Without escaping, '%' and '_' would match every patient of the page.
    expect((await list({ q: '%' })).total).toBe(0);
    expect((await list({ city: '%' })).data.map((p) => p.id)).toEqual([data.id]);
    expect((await list({ city: 't_' })).data.map((p) => p.id)).toEqual([data.id]);
    expect((await list({ city: 'r_c' })).total).toBe(0);
  });
});

describe('bad list queries are a 400 with a clear message and touch nothing', () => {
  const cases: [string, string, RegExp][] = [
    ['unknown sort field', 'sort=["passwordHash","ASC"]', /Cannot sort by "passwordHash"/],
    ['malformed sort JSON', 'sort=["familyName"', /"sort" is not valid JSON/],
    ['bad sort order', 'sort=["familyName","UP"]', /"sort" must be/],
    ['malformed range', 'range=[0]', /"range" must be/],
    ['range too large', 'range=[0,100000]', /at most 500 records/],
    ['negative range', 'range=[-5,3]', /"range" must be/],
    ['malformed filter JSON', 'filter={q:1}', /"filter" is not valid JSON/],
    ['unknown filter field', 'filter={"passwordHash":"x"}', /Cannot filter by "passwordHash"/],
    ['filter with an object value', 'filter={"sex":{"$ne":"x"}}', /must be a value or a list of values/],
    ['filter is an array', 'filter=[1,2]', /must be a JSON object/],
    ['search is not text', 'filter={"q":5}', /"q" must be text/],
  ];
  for (const [label, query, message] of cases) {
    it(label, async () => {
      const res = await clerk.get(`/api/patients?${query.replace(/[[\]{}"$ ]/g, encodeURIComponent)}`);
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(message);
      expect(res.body.errors).toBeTypeOf('object');
    });
  }
});

describe('writes', () => {
  it('invalid input is a 400 with per-field errors and nothing is written', async () => {
    const before = (await clerk.list('patients', { filter: { q: family } })).headers.get('content-range');
    const res = await clerk.post('/api/patients', { givenName: 'X', familyName: family, sex: 'female', birthDate: 'yesterday' });
    expect(res.status).toBe(400);
    expect(res.body.errors.birthDate).toBeTruthy();
    expect((await clerk.list('patients', { filter: { q: family } })).headers.get('content-range')).toBe(before);
  });

  it('a body that is not JSON is a 400, not a 500', async () => {
    const res = await clerk.request('POST', '/api/patients', '{"givenName":', { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/not valid JSON/);
  });

  it('a stale version is a 409 and changes nothing', async () => {
    const p = (await clerk.post('/api/patients', patient('Dee'))).body;
    const first = await clerk.put(`/api/patients/${p.id}`, { ...p, phone: '+254722222222' });
    expect(first.status).toBe(200);
    const stale = await clerk.put(`/api/patients/${p.id}`, { ...p, phone: '+254733333333' });
    expect(stale.status).toBe(409);
    expect((await clerk.get(`/api/patients/${p.id}`)).body.phone).toBe('+254722222222');
  });

  it('an update writes an audit row with only the changed fields, before and after', async () => {
    const p = (await clerk.post('/api/patients', patient('Eve'))).body;
    await clerk.put(`/api/patients/${p.id}`, { ...p, city: 'Lakeview' });
    const [row] = await server.host.db.sequelize.query<{ before: object; after: object; user_email: string; request_id: string }>(
      `SELECT before, after, user_email, request_id FROM audit_logs WHERE resource = 'patients' AND record_id = :id AND action = 'update'`,
      { replacements: { id: p.id }, type: QueryTypes.SELECT },
    );
    expect(row.before).toEqual({ city: null });
    expect(row.after).toEqual({ city: 'Lakeview' });
    expect(row.user_email).toBe('registration@healthcare.com');
    expect(row.request_id).toBeTruthy();
  });

  it('unknown ids are a 404', async () => {
    expect((await clerk.get('/api/patients/00000000-0000-7000-8000-000000000000')).status).toBe(404);
    expect((await clerk.get('/api/patients/not-an-id')).status).toBe(404);
  });

  it('a role without delete gets 403 and the record stays', async () => {
    const p = (await clerk.post('/api/patients', patient('Fay'))).body;
    expect((await clerk.delete(`/api/patients/${p.id}`)).status).toBe(403);
    expect((await clerk.get(`/api/patients/${p.id}`)).status).toBe(200);
  });
});
