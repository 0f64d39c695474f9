/**
 * One log line per request with its id (the one the client sent when it is sane), the path
 * without its query string and the status; a failing request is logged through `req.log` with
 * the same id; health checks are not logged.
 */
import type { AddressInfo } from 'node:net';
import express from 'express';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHandler } from './errors.js';
import { requestLog } from './request-log.js';

const lines: Record<string, any>[] = [];
let base = '';
let server: import('node:http').Server;

beforeAll(async () => {
  const logger = pino({ level: 'info' }, { write: (l: string) => lines.push(JSON.parse(l)) });
  const app = express();
  app.use(requestLog(app, logger, (url) => url === '/health'));
  app.get('/ok', (_req, res) => res.json({ ok: true }));
  app.get('/health', (_req, res) => res.json({ ok: true }));
  app.get('/boom', () => {
    throw new Error('database exploded');
  });
  app.use(errorHandler);
  server = await new Promise((r) => {
    const s = app.listen(0, '127.0.0.1', () => r(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));

/** Lines are written when the server has closed the response, just after the client has it. */
async function until(condition: () => boolean) {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
}

describe('request log', () => {
  it('logs each request once with its id, path and status', async () => {
    lines.length = 0;
    const res = await fetch(`${base}/ok?token=secret-in-query`);
    await until(() => lines.length > 0);
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 30, msg: 'request completed', req: { id, method: 'GET', url: '/ok' }, res: { statusCode: 200 } });
    expect(JSON.stringify(lines)).not.toContain('secret-in-query');
  });

  it('keeps a sane incoming request id and replaces any other', async () => {
    lines.length = 0;
    expect((await fetch(`${base}/ok`, { headers: { 'x-request-id': 'req-abc.1' } })).headers.get('x-request-id')).toBe('req-abc.1');
    expect((await fetch(`${base}/ok`, { headers: { 'x-request-id': 'bad id with spaces' } })).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    await until(() => lines.length >= 2);
    expect(lines.map((l) => l.req.id)).toContain('req-abc.1');
  });

  it('logs a failure with the request id through req.log, and health checks not at all', async () => {
    lines.length = 0;
    const res = await fetch(`${base}/boom`);
    await fetch(`${base}/health`);
    await fetch(`${base}/ok`);
    await until(() => lines.some((l) => l.req?.url === '/ok'));
    expect(res.status).toBe(500);
    const id = res.headers.get('x-request-id');
    const failed = lines.find((l) => l.msg === 'request failed');
    expect(failed).toMatchObject({ level: 50, req: { id, url: '/boom' } });
    expect(lines.find((l) => l.msg === 'request errored')).toMatchObject({ req: { id }, res: { statusCode: 500 } });
    expect(lines.some((l) => l.req?.url === '/health')).toBe(false);
  });
});
