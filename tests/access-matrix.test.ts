/**
 * Walks every role x resource x action through the HTTP API and compares each answer with the
 * grants: a granted action must not be refused (it may still be a 400/404/405 for the empty
 * body and unknown id sent here), a refused one must be a 403. Nothing is written: bodies are
 * empty and ids unknown.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../server/auth/passwords.js';
import { startServer, type Api, type TestServer } from './support/harness.js';

let server: TestServer;
const sessions = new Map<string, Api>();
const UNKNOWN_ID = '00000000-0000-7000-8000-000000000000';

beforeAll(async () => {
  server = await startServer();
  const { User } = server.host.models;
  const hash = await hashPassword('Matrix-pass-1');
  // One account per role, including roles that modules add.
  for (const role of server.host.services.access.roles) {
    const email = `matrix-${role.name.replace(/_/g, '-')}@example.org`;
    const [user] = await User.findOrCreate({ where: { email }, defaults: { email, name: `Matrix ${role.name}`, roles: [role.name], passwordHash: hash } });
    await user.update({ active: true, roles: [role.name], passwordHash: hash, failedLogins: 0, lockedUntil: null });
    sessions.set(role.name, await server.login(email, 'Matrix-pass-1'));
  }
}, 180_000);
afterAll(() => server?.close());

interface Probe {
  role: string;
  resource: string;
  action: string;
  expected: boolean;
  status: number;
}

describe('access matrix', () => {
  it('every role x resource x action answers as the grants say', async () => {
    const { access, registry } = server.host.services;
    const probes: Probe[] = [];
    for (const [name, { def }] of registry.resources) {
      const ops = { list: true, get: true, create: true, update: true, delete: true, ...def.operations };
      const checks: [string, (api: Api) => Promise<{ status: number }>][] = [];
      if (ops.list) checks.push(['read', (api) => api.get(`/api/${name}?range=[0,0]`.replace(/[[\]]/g, encodeURIComponent))]);
      if (ops.get) checks.push(['read', (api) => api.get(`/api/${name}/${UNKNOWN_ID}`)]);
      if (ops.create) checks.push(['create', (api) => api.post(`/api/${name}`, {})]);
      if (ops.update) checks.push(['update', (api) => api.put(`/api/${name}/${UNKNOWN_ID}`, {})]);
      if (ops.delete) checks.push(['delete', (api) => api.delete(`/api/${name}/${UNKNOWN_ID}`)]);
      for (const a of def.actions ?? []) {
        const path = a.collection ? `/api/${name}/${a.name}` : `/api/${name}/${UNKNOWN_ID}/${a.name}`;
        // Read-only collection actions (method get) are probed; ones that write get an empty body.
        checks.push([a.access ?? a.name, (api) => (a.method === 'get' ? api.get(path) : api.post(path, {}))]);
      }
      // Roles are probed side by side; each role's calls run in order.
      await Promise.all(
        [...sessions].map(async ([role, api]) => {
          for (const [action, call] of checks) {
            const expected = access.can([role], action, name).granted;
            const { status } = await call(api);
            probes.push({ role, resource: name, action, expected, status });
          }
        }),
      );
    }
    const mismatches = probes.filter((p) => (p.expected ? p.status === 403 || p.status === 401 : p.status !== 403));
    const errors = probes.filter((p) => p.status >= 500);
    expect(probes.length).toBeGreaterThan(100);
    expect(errors, `server errors: ${JSON.stringify(errors.slice(0, 20))}`).toEqual([]);
    expect(mismatches, `mismatches: ${JSON.stringify(mismatches.slice(0, 20))}`).toEqual([]);
  }, 600_000);
});
