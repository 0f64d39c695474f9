import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './support/harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ only: ['patients'] });
});
afterAll(() => server?.close());

describe('health and metrics', () => {
  it('/health, /health/db, /health/redis and /health/queue answer without sign-in', async () => {
    expect((await server.api.get('/health')).body).toMatchObject({ status: 'ok', database: 'postgresql' });
    const db = await server.api.get('/health/db');
    expect(db.body).toMatchObject({ status: 'ok', embedded: false });
    expect(db.body.latencyMs).toBeTypeOf('number');
    expect((await server.api.get('/health/redis')).body.status).toBe('ok');
    const queue = await server.api.get('/health/queue');
    expect(queue.status).toBe(200);
    expect(queue.body).toHaveProperty('failed');
  });

  it('/health/db says down when the database does not answer', async () => {
    const other = await startServer({ only: [] });
    await other.host.db.sequelize.close();
    const res = await other.api.get('/health/db');
    expect(res.status).toBe(503);
    expect(res.body.status).toBe('down');
    await other.close().catch(() => undefined);
  });

  it('/metrics serves Prometheus metrics including request durations', async () => {
    await server.api.get('/health');
    const res = await server.api.get('/metrics');
    expect(res.status).toBe(200);
    expect(res.text).toContain('http_request_duration_seconds');
    expect(res.text).toContain('process_cpu_user_seconds_total');
  });

  it('every response carries a request id', async () => {
    const res = await server.api.get('/health');
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });
});
