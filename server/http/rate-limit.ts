/**
 * Requests per address in a fixed window of a minute, answered 429 past the limit, with the
 * IETF draft-7 `RateLimit` and `RateLimit-Policy` headers. Counts live in Redis when it is
 * configured (one atomic script per request, so every web process shares them) and in memory
 * otherwise, where a request costs no promise at all.
 */
import type { Request, RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import { TooMany } from './errors.js';

interface Count {
  hits: number;
  resetAt: number;
}

type Counter = (key: string) => Count | Promise<Count>;

// INCR, and start the window on the first hit; answers the count and the milliseconds left.
const HIT = `local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { n, redis.call('PTTL', KEYS[1]) }`;

function memoryCounter(windowMs: number): Counter {
  const counts = new Map<string, Count>();
  return (key) => {
    const now = Date.now();
    // Past windows are swept when many addresses have been seen, not on a timer.
    if (counts.size > 10_000) for (const [k, c] of counts) if (c.resetAt <= now) counts.delete(k);
    let c = counts.get(key);
    if (!c || c.resetAt <= now) counts.set(key, (c = { hits: 0, resetAt: now + windowMs }));
    c.hits++;
    return c;
  };
}

function redisCounter(redis: Redis, prefix: string, windowMs: number): Counter {
  return async (key) => {
    const [hits, ttl] = (await redis.eval(HIT, 1, `${prefix}${key}`, windowMs)) as [number, number];
    return { hits, resetAt: Date.now() + (ttl > 0 ? ttl : windowMs) };
  };
}

export function rateLimit(opts: { limit: number; windowMs?: number; redis?: Redis | null; prefix: string; key?: (req: Request) => string }): RequestHandler {
  const windowMs = opts.windowMs ?? 60_000;
  const count = opts.redis ? redisCounter(opts.redis, opts.prefix, windowMs) : memoryCounter(windowMs);
  const keyOf = opts.key ?? ((req) => req.ip ?? 'unknown');
  const policy = `${opts.limit};w=${Math.round(windowMs / 1000)}`;
  const answer = (c: Count, res: Parameters<RequestHandler>[1], next: Parameters<RequestHandler>[2]) => {
    const reset = Math.max(0, Math.ceil((c.resetAt - Date.now()) / 1000));
    res.setHeader('RateLimit-Policy', policy);
    res.setHeader('RateLimit', `limit=${opts.limit}, remaining=${Math.max(0, opts.limit - c.hits)}, reset=${reset}`);
    if (c.hits <= opts.limit) return next();
    res.setHeader('Retry-After', String(reset));
    next(new TooMany());
  };
  return (req, res, next) => {
    const c = count(keyOf(req));
    if (c instanceof Promise) c.then((v) => answer(v, res, next), next);
    else answer(c, res, next);
  };
}
