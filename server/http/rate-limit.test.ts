/**
 * The per-address limit: the request past the limit is a 429 with Retry-After, every answer
 * carries the RateLimit headers, and with Redis two web processes share one count.
 */
import type { AddressInfo } from 'node:net';
import express from 'express';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { testEnv, unique } from '../../tests/support/harness.js';
import { errorHandler } from './errors.js';
import { rateLimit } from './rate-limit.js';

const redis = new Redis(testEnv().REDIS_URL);
afterAll(() => redis.quit());

async function serve(...limits: express.RequestHandler[]) {
  const urls: string[] = [];
  const servers = await Promise.all(
    limits.map((limit) => {
      const app = express();
      app.get('/', limit, (_req, res) => res.json({ ok: true }));
      app.use(errorHandler);
      return new Promise<import('node:http').Server>((r) => {
        const s = app.listen(0, '127.0.0.1', () => r(s));
      });
    }),
  );
  for (const s of servers) urls.push(`http://127.0.0.1:${(s.address() as AddressInfo).port}/`);
  return { urls, close: () => Promise.all(servers.map((s) => new Promise((r) => s.close(r)))) };
}

describe('rate limit', () => {
  it('answers 429 past the limit, in memory, with the standard headers', async () => {
    const { urls, close } = await serve(rateLimit({ limit: 3, prefix: 'unused' }));
    try {
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await fetch(urls[0]));
      expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 429]);
      expect(answers[0].headers.get('ratelimit-policy')).toBe('3;w=60');
      expect(answers[1].headers.get('ratelimit')).toMatch(/^limit=3, remaining=1, reset=\d+$/);
      expect(Number(answers[3].headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await answers[3].json()).message).toMatch(/Too many requests/);
    } finally {
      await close();
    }
  });

  it('shares one count between processes through Redis, in a key that expires', async () => {
    const prefix = `his:test:rl${unique()}:`;
    const { urls, close } = await serve(rateLimit({ limit: 2, redis, prefix }), rateLimit({ limit: 2, redis, prefix }));
    try {
      const statuses = [];
      for (const url of [urls[0], urls[1], urls[0], urls[1]]) statuses.push((await fetch(url)).status);
      expect(statuses).toEqual([200, 200, 429, 429]);
      const [key] = await redis.keys(`${prefix}*`);
      expect(Number(await redis.get(key))).toBe(4);
      expect(await redis.pttl(key)).toBeGreaterThan(0);
    } finally {
      await close();
    }
  });
});
