import { QueryTypes } from 'sequelize';
import { Writable } from 'node:stream';
import jwt from 'jsonwebtoken';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, startServer, testConfig, unique, type TestServer } from './support/harness.js';

let server: TestServer;
let admin: Api;
const logLines: string[] = [];

beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logLines.push(String(chunk));
      cb();
    },
  });
  server = await startServer({ only: ['patients'], logger: pino({ level: 'debug' }, sink), env: { LOGIN_MAX_FAILURES: '3' } });
  admin = await server.login('admin@healthcare.com');
});
afterAll(() => server?.close());

async function newUser(roles = ['physician']) {
  const email = `user${unique()}@example.org`;
  const res = await admin.post('/api/users', { email, name: 'Test User', roles, password: 'S3cure-pass!' });
  expect(res.status).toBe(201);
  return { id: res.body.id as string, email, password: 'S3cure-pass!' };
}

describe('sign-in', () => {
  it('returns an access token, a refresh token and the user; /me lists roles and permissions', async () => {
    const res = await server.api.post('/api/auth/login', { email: 'Physician@Healthcare.com', password: 'password123' });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ email: 'physician@healthcare.com', roles: ['physician'] });
    const me = await new Api(server.url, res.body.token).get('/api/auth/me');
    expect(me.body.roles).toEqual(['physician']);
    expect(me.body.permissions.patients).toMatchObject({ read: 'any', update: 'any' });
    expect(me.body.permissions.patients.delete).toBeUndefined();
    expect(me.body.resources.map((r: { name: string }) => r.name)).toContain('patients');
  });

  it('a wrong password or an unknown e-mail is the same 401', async () => {
    const wrong = await server.api.post('/api/auth/login', { email: 'physician@healthcare.com', password: 'nope-nope' });
    const unknown = await server.api.post('/api/auth/login', { email: 'nobody@healthcare.com', password: 'nope-nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.message).toBe(unknown.body.message);
  });

  it('a malformed sign-in is a 400 with field errors', async () => {
    const res = await server.api.post('/api/auth/login', { email: 'not-an-email' });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors)).toEqual(expect.arrayContaining(['email', 'password']));
  });

  it('repeated failures lock the account (423), even for the right password', async () => {
    const u = await newUser();
    for (let i = 0; i < 2; i++) expect((await server.api.post('/api/auth/login', { email: u.email, password: 'wrong-one' })).status).toBe(401);
    const third = await server.api.post('/api/auth/login', { email: u.email, password: 'wrong-one' });
    expect(third.status).toBe(423);
    const right = await server.api.post('/api/auth/login', { email: u.email, password: u.password });
    expect(right.status).toBe(423);
    expect(right.body.message).toMatch(/locked/);
    // An administrator's password reset unlocks it.
    expect((await admin.post(`/api/users/${u.id}/reset-password`, { password: 'An0ther-pass' })).status).toBe(200);
    expect((await server.api.post('/api/auth/login', { email: u.email, password: 'An0ther-pass' })).status).toBe(200);
  });
});

describe('tokens', () => {
  it('refresh rotates: the new pair works, the old refresh token is refused and its reuse ends every session', async () => {
    const u = await newUser();
    const s = await server.login(u.email, u.password);
    const r1 = await server.api.post('/api/auth/refresh', { refreshToken: s.refreshToken });
    expect(r1.status).toBe(200);
    expect(r1.body.refreshToken).not.toBe(s.refreshToken);
    expect((await new Api(server.url, r1.body.token).get('/api/patients')).status).toBe(200);
    const reuse = await server.api.post('/api/auth/refresh', { refreshToken: s.refreshToken });
    expect(reuse.status).toBe(401);
    expect((await server.api.post('/api/auth/refresh', { refreshToken: r1.body.refreshToken })).status).toBe(401);
  });

  it('logout revokes the refresh token', async () => {
    const s = await server.login('physician@healthcare.com');
    expect((await server.api.post('/api/auth/logout', { refreshToken: s.refreshToken })).status).toBe(200);
    expect((await server.api.post('/api/auth/refresh', { refreshToken: s.refreshToken })).status).toBe(401);
  });

  it('refresh tokens are stored hashed', async () => {
    const s = await server.login('physician@healthcare.com');
    const [id, secret] = s.refreshToken!.split('.');
    const [row] = await server.host.db.sequelize.query<{ token_hash: string }>(`SELECT token_hash FROM refresh_tokens WHERE id = :id`, { replacements: { id }, type: QueryTypes.SELECT });
    expect(row.token_hash).not.toContain(secret);
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a tampered signature, alg none, an expired token or a token signed with another secret get 401', async () => {
    const s = await server.login('physician@healthcare.com');
    const [h, p, sig] = s.token!.split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    const elevated = Buffer.from(JSON.stringify({ ...claims, roles: ['superadmin'] })).toString('base64url');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${elevated}.`;
    const secret = testConfig().jwt.secret;
    const expired = jwt.sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 }, secret, { algorithm: 'HS256' });
    const foreign = jwt.sign({ ...claims, roles: ['superadmin'] }, 'another-secret-entirely-1234567890', { algorithm: 'HS256' });
    for (const token of [`${h}.${elevated}.${sig}`, none, expired, foreign, 'garbage']) {
      const res = await new Api(server.url, token).get('/api/users');
      expect(res.status, token).toBe(401);
    }
    expect((await new Api(server.url, expired).get('/api/patients')).body.message).toMatch(/expired/);
  });

  it("a deactivated user's token stops working at once and the user cannot sign in", async () => {
    const u = await newUser();
    const s = await server.login(u.email, u.password);
    expect((await s.get('/api/patients')).status).toBe(200);
    expect((await admin.post(`/api/users/${u.id}/deactivate`)).status).toBe(200);
    expect((await s.get('/api/patients')).status).toBe(401);
    expect((await server.api.post('/api/auth/refresh', { refreshToken: s.refreshToken })).status).toBe(401);
    const again = await server.api.post('/api/auth/login', { email: u.email, password: u.password });
    expect(again.status).toBe(401);
    expect(again.body.message).toMatch(/deactivated/);
  });

  it('a change of roles ends the old tokens, so new permissions apply at the next sign-in or refresh', async () => {
    const u = await newUser(['physician']);
    const s = await server.login(u.email, u.password);
    const current = (await admin.get(`/api/users/${u.id}`)).body;
    expect((await admin.put(`/api/users/${u.id}`, { ...current, roles: ['cashier'] })).status).toBe(200);
    expect((await s.get('/api/patients')).status).toBe(401);
    const fresh = await server.login(u.email, u.password);
    expect((await fresh.get('/api/auth/me')).body.roles).toEqual(['cashier']);
  });

  it('changing one\'s password revokes the refresh tokens', async () => {
    const u = await newUser();
    const s = await server.login(u.email, u.password);
    const res = await s.post('/api/auth/password', { currentPassword: u.password, newPassword: 'Brand-new-pass1' });
    expect(res.status).toBe(200);
    expect((await server.api.post('/api/auth/refresh', { refreshToken: s.refreshToken })).status).toBe(401);
    expect((await s.get('/api/patients')).status).toBe(401);
    expect((await server.api.post('/api/auth/login', { email: u.email, password: 'Brand-new-pass1' })).status).toBe(200);
  });
});

describe('every route is guarded', () => {
  it('the API refuses anonymous requests with 401', async () => {
    for (const path of ['/api/patients', '/api/users', '/api/audit-logs', '/api/roles', '/api/kpis', '/api/auth/me', '/api/kpis/patients-total-active']) {
      expect((await server.api.get(path)).status, path).toBe(401);
    }
    expect((await server.api.post('/api/patients', { givenName: 'x' })).status).toBe(401);
  });

  it('an unknown API path is a JSON 404', async () => {
    const res = await admin.get('/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body.message).toMatch(/No API route/);
  });
});

describe('rate limits', () => {
  it('sign-ins per address are limited with a 429, counted in Redis', async () => {
    const prefix = `his:test:rl${unique()}:`;
    const limited = await startServer({ only: [], env: { LOGIN_RATE_LIMIT_PER_MINUTE: '3', REDIS_PREFIX: prefix } });
    try {
      const codes = [];
      for (let i = 0; i < 4; i++) codes.push((await limited.api.post('/api/auth/login', { email: 'x@y.org', password: 'whatever' })).status);
      expect(codes).toEqual([401, 401, 401, 429]);
      const keys = await limited.host.services.redis!.keys(`${prefix}rl:login:*`);
      expect(keys.length).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});

describe('logs', () => {
  it('carry a request id and never a password or a token', async () => {
    const s = await server.login('physician@healthcare.com');
    await s.get('/api/patients');
    const all = logLines.join('\n');
    expect(all).not.toContain('password123');
    expect(all).not.toContain(s.token!);
    expect(all).not.toContain(s.refreshToken!.split('.')[1]);
    const requests = logLines.map((l) => JSON.parse(l)).filter((l) => l.req);
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.every((l) => typeof l.req.id === 'string' && l.req.id.length > 0)).toBe(true);
  });
});
