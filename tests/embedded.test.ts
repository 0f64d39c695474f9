/**
 * Smoke test of `npm start` without DATABASE_URL: embedded PGlite in a data folder, migrations
 * and demo seed on the first start, the same data reused (and not seeded again) on the second.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/index.js';
import { createHost } from '../server/host/host.js';
import { Api } from './support/harness.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'his-embedded-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

async function boot() {
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'development' }, { dotenv: false });
  const host = await createHost({ config, migrate: true, seed: 'demo', only: ['patients'] });
  const server = await new Promise<import('node:http').Server>((r) => {
    const s = host.app.listen(0, '127.0.0.1', () => r(s));
  });
  const api = new Api(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  return {
    host,
    api,
    close: async () => {
      await new Promise((r) => server.close(r));
      await host.close();
    },
  };
}

describe('embedded start (PGlite)', () => {
  it('first start migrates and seeds, second start reuses the data without seeding again', async () => {
    const first = await boot();
    let count: string | null;
    try {
      expect(first.host.db.embedded).toBe(true);
      expect((await first.api.get('/health')).body.database).toBe('embedded');
      expect((await first.api.get('/health/redis')).body.status).toBe('not configured');
      expect((await first.api.get('/health/queue')).body.mode).toBe('in-process');
      const login = await first.api.post('/api/auth/login', { email: 'admin@healthcare.com', password: 'password123' });
      expect(login.status).toBe(200);
      const admin = new Api(first.api.base, login.body.token);
      const created = await admin.post('/api/patients', { givenName: 'Embedded', familyName: 'Smoke', sex: 'female', birthDate: '2000-02-02' });
      expect(created.status).toBe(201);
      expect(created.body.mrn).toMatch(/^PHC\d{8}$/);
      const search = await admin.get(`/api/patients?filter=${encodeURIComponent(JSON.stringify({ q: 'smoke' }))}`);
      expect(search.body.map((p: { id: string }) => p.id)).toContain(created.body.id);
      count = (await admin.get('/api/patients')).headers.get('content-range');
      expect(Number(count!.split('/')[1])).toBeGreaterThan(100);
    } finally {
      await first.close();
    }
    const second = await boot();
    try {
      const login = await second.api.post('/api/auth/login', { email: 'admin@healthcare.com', password: 'password123' });
      const admin = new Api(second.api.base, login.body.token);
      expect((await admin.get('/api/patients')).headers.get('content-range')).toBe(count);
    } finally {
      await second.close();
    }
  }, 240_000);
});
