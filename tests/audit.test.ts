import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, unique, type Api, type TestServer } from './support/harness.js';

let server: TestServer;
let clerk: Api;

beforeAll(async () => {
  server = await startServer({ only: ['patients'] });
  clerk = await server.login('registration@healthcare.com');
});
afterAll(() => server?.close());

describe('audit trail', () => {
  it('is append-only: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
    const sql = server.host.db.sequelize;
    await expect(sql.query(`UPDATE audit_logs SET action = 'x' WHERE id = (SELECT max(id) FROM audit_logs)`)).rejects.toThrow(/append-only/);
    await expect(sql.query(`DELETE FROM audit_logs WHERE id = (SELECT max(id) FROM audit_logs)`)).rejects.toThrow(/append-only/);
    await expect(sql.query(`TRUNCATE audit_logs`)).rejects.toThrow(/append-only/);
  });

  it('a change and its audit row commit together: when the audit write fails, the change is rolled back', async () => {
    const sql = server.host.db.sequelize;
    const familyName = `Rollback${unique()}`;
    // Make audit inserts fail for a moment: the registration must not be saved without its row.
    await sql.query(`CREATE OR REPLACE FUNCTION audit_probe_fail() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.resource = 'patients' AND NEW.after->>'familyName' = '${familyName}' THEN RAISE EXCEPTION 'audit write failed'; END IF; RETURN NEW; END $$`);
    await sql.query(`CREATE TRIGGER audit_probe BEFORE INSERT ON audit_logs FOR EACH ROW EXECUTE FUNCTION audit_probe_fail()`);
    try {
      const res = await clerk.post('/api/patients', { givenName: 'Ro', familyName, sex: 'male', birthDate: '1970-01-01' });
      expect(res.status).toBeGreaterThanOrEqual(400);
      const [{ n }] = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM patients WHERE family_name = :f`, { replacements: { f: familyName }, type: QueryTypes.SELECT });
      expect(n).toBe(0);
    } finally {
      await sql.query(`DROP TRIGGER audit_probe ON audit_logs`);
      await sql.query(`DROP FUNCTION audit_probe_fail()`);
    }
  });

  it('records who, what, when, from where, with the request id', async () => {
    const p = (await clerk.request('POST', '/api/patients', { givenName: 'Who', familyName: `Trail${unique()}`, sex: 'female', birthDate: '1980-05-05' }, { 'user-agent': 'audit-test-agent', 'x-request-id': `req-${unique()}` })).body;
    const admin = await server.login('admin@healthcare.com');
    const rows = await admin.list('audit-logs', { filter: { resource: 'patients', recordId: p.id } });
    expect(rows.status).toBe(200);
    expect(rows.body).toHaveLength(1);
    expect(rows.body[0]).toMatchObject({ action: 'create', userEmail: 'registration@healthcare.com', roles: ['registration'], userAgent: 'audit-test-agent', ip: expect.stringMatching(/127\.0\.0\.1/) });
    expect(rows.body[0].requestId).toMatch(/^req-/);
    expect(rows.body[0].after.mrn).toBe(p.mrn);
  });

  it('is readable by superadmin, facility_head and quality only', async () => {
    for (const [email, status] of [
      ['admin@healthcare.com', 200],
      ['facility_head@healthcare.com', 200],
      ['quality@healthcare.com', 200],
      ['physician@healthcare.com', 403],
      ['registration@healthcare.com', 403],
      ['cashier@healthcare.com', 403],
    ] as const) {
      expect((await (await server.login(email)).list('audit-logs')).status, email).toBe(status);
    }
  });

  it('never stores a password, even a changed one', async () => {
    const admin = await server.login('admin@healthcare.com');
    const res = await admin.post('/api/users', { email: `pw${unique()}@example.org`, name: 'Pw Test', roles: ['hr'], password: 'Very-secret-99' });
    const [row] = await server.host.db.sequelize.query<{ after: Record<string, unknown> }>(`SELECT after FROM audit_logs WHERE resource = 'users' AND record_id = :id AND action = 'create'`, {
      replacements: { id: res.body.id },
      type: QueryTypes.SELECT,
    });
    expect(JSON.stringify(row.after)).not.toContain('Very-secret-99');
    expect(row.after.passwordHash).toBe('[redacted]');
  });
});
