import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModuleManifest } from '../../server/host/types.js';
import { createJobs } from '../../server/jobs/create-jobs.js';
import { parseCron } from '../../server/jobs/cron.js';
import { startServer, testConfig, unique, type Api, type TestServer } from '../support/harness.js';

/** Jobs whose behaviour the tests steer: fail N times, then succeed (or never). */
const runs = new Map<string, number>();
const failUntil = new Map<string, number>();
const jobsModule: ModuleManifest = {
  id: 'wf-jobs-test',
  version: '0.0.0',
  label: 'Job test module',
  jobs: [
    {
      name: 'wf-test.flaky',
      async handler(_ctx, data: { key: string }) {
        const n = (runs.get(data.key) ?? 0) + 1;
        runs.set(data.key, n);
        if (n <= (failUntil.get(data.key) ?? 0)) throw new Error(`flaky failure ${n} of ${data.key}`);
        return { ok: true };
      },
    },
  ],
};

const job = (fails: number) => {
  const key = `k-${unique()}`;
  failUntil.set(key, fails);
  return key;
};

function describeJobs(mode: 'bullmq' | 'in-process', env: Record<string, string>) {
  describe(`jobs (${mode})`, () => {
    let server: TestServer;
    let admin: Api;
    beforeAll(async () => {
      server = await startServer({ only: ['wf-jobs-test'], extraModules: [jobsModule], env });
      admin = await server.login('admin@healthcare.com');
    });
    afterAll(() => server?.close());

    it(`runs in ${mode} mode and says so in /health and /health/queue`, async () => {
      expect(server.host.services.jobs.mode).toBe(mode);
      expect((await server.api.get('/health')).body.jobs).toBe(mode);
      const q = await server.api.get('/health/queue');
      expect(q.status).toBe(200);
      expect(q.body).toMatchObject({ status: 'ok', mode, waiting: expect.any(Number), failed: expect.any(Number) });
    });

    it('a failing job is retried with backoff until it succeeds', async () => {
      const key = job(2);
      await server.host.services.jobs.enqueue('wf-test.flaky', { key }, { attempts: 3, backoffMs: 50 });
      await expect.poll(() => runs.get(key), { timeout: 10_000, interval: 50 }).toBe(3);
      const failed = await server.host.services.jobs.failed(0, 500);
      expect(failed.rows.some((j) => (j.data as { key: string }).key === key)).toBe(false);
    });

    it('a job that keeps failing ends in the failed list that superadmin sees and retries; others get 403', async () => {
      const key = job(2);
      const before = (await server.api.get('/health/queue')).body.failed;
      await server.host.services.jobs.enqueue('wf-test.flaky', { key }, { attempts: 2, backoffMs: 50 });
      const find = async () => ((await admin.get('/api/failed-jobs?range=[0,99]')).body as { id: string; data: { key: string } }[]).find((j) => j.data.key === key);
      await expect.poll(find, { timeout: 10_000, interval: 100 }).toBeTruthy();
      const failed = (await find())!;
      expect(failed).toMatchObject({ name: 'wf-test.flaky', attempts: 2, error: `flaky failure 2 of ${key}` });
      const list = await admin.get('/api/failed-jobs?range=[0,9]');
      expect(list.headers.get('content-range')).toMatch(/^failed-jobs 0-\d+\/\d+$/);
      expect((await server.api.get('/health/queue')).body.failed).toBe(before + 1);

      const head = await server.login('facility_head@healthcare.com');
      expect((await head.get('/api/failed-jobs')).status).toBe(403);
      expect((await head.post(`/api/failed-jobs/${failed.id}/retry`)).status).toBe(403);
      expect((await admin.post('/api/failed-jobs/no-such-job/retry')).status).toBe(404);

      const retry = await admin.post(`/api/failed-jobs/${failed.id}/retry`);
      expect(retry.status).toBe(200);
      await expect.poll(() => runs.get(key), { timeout: 10_000, interval: 50 }).toBe(3);
      await expect.poll(find, { timeout: 5000, interval: 100 }).toBeUndefined();
      const audit = await server.host.db.sequelize.query(`SELECT action FROM audit_logs WHERE resource = 'failed-jobs' AND record_id = :id`, { replacements: { id: failed.id }, type: 'SELECT' });
      expect(audit).toEqual([{ action: 'retry' }]);
    });

    it('a bad range is a 400, not a 500', async () => {
      expect((await admin.get('/api/failed-jobs?range=[5,1]')).status).toBe(400);
      expect((await admin.get('/api/failed-jobs?range=oops')).status).toBe(400);
    });
  });
}

describeJobs('bullmq', {});
// Embedded start-up: no Redis, the same interface runs jobs in this process.
describeJobs('in-process', { REDIS_URL: '' });

describe('the worker process', () => {
  it('with JOBS_IN_WEB=false the web process only enqueues and the worker runs the job', async () => {
    const web = await startServer({ only: ['wf-jobs-test'], extraModules: [jobsModule], env: { JOBS_IN_WEB: 'false' } });
    const key = job(0);
    try {
      await web.host.services.jobs.enqueue('wf-test.flaky', { key });
      await new Promise((r) => setTimeout(r, 500));
      expect(runs.get(key)).toBeUndefined();
      expect((await web.api.get('/health/queue')).body.waiting).toBeGreaterThanOrEqual(1);
      // What `npm run worker` builds: the same host, with the job service in worker role.
      const config = testConfig({ JOBS_IN_WEB: 'false' });
      const worker = await startServer({ only: ['wf-jobs-test'], extraModules: [jobsModule], env: { JOBS_IN_WEB: 'false' }, jobs: (_s, logger) => createJobs(config, logger, 'worker') });
      try {
        await expect.poll(() => runs.get(key), { timeout: 10_000, interval: 50 }).toBe(1);
      } finally {
        await worker.close();
      }
    } finally {
      await web.close();
    }
  });
});

describe('cron patterns of repeatable jobs', () => {
  it('match the minutes they name', () => {
    const at = (s: string) => new Date(s);
    expect(parseCron('* * * * *')(at('2026-03-01T10:07:00'))).toBe(true);
    expect(parseCron('0 17 * * *')(at('2026-03-01T17:00:00'))).toBe(true);
    expect(parseCron('0 17 * * *')(at('2026-03-01T17:01:00'))).toBe(false);
    expect(parseCron('*/15 8-17 * * 1-5')(at('2026-03-02T08:45:00'))).toBe(true);
    expect(parseCron('*/15 8-17 * * 1-5')(at('2026-03-01T08:45:00'))).toBe(false);
  });

  it('refuse a wrong pattern with a message naming it', () => {
    expect(() => parseCron('61 * * * *')).toThrow(/"61 \* \* \* \*"/);
    expect(() => parseCron('* * *')).toThrow(/five fields/);
  });
});
