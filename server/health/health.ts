/**
 * /health, /health/db, /health/redis, /health/queue and /metrics (Prometheus).
 */
import express, { type RequestHandler, type Router } from 'express';
import client from 'prom-client';
import type { Sequelize } from 'sequelize';
import type { Config } from '../../config/index.js';
import type { Services } from '../host/services.js';
import { asyncRoute } from '../http/async-route.js';

const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry });
const httpDuration = new client.Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP request duration',
  labelNames: ['method', 'route', 'status'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [registry],
});

export function metricsMiddleware(): RequestHandler {
  return (req, res, next) => {
    const end = httpDuration.startTimer();
    res.on('finish', () => {
      // The first path segment after /api keeps label cardinality bounded.
      const route = req.path.startsWith('/api/') ? `/api/${req.path.split('/')[2] ?? ''}` : req.path.split('/').slice(0, 2).join('/');
      end({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };
}

async function timed<T>(fn: () => Promise<T>) {
  const t = process.hrtime.bigint();
  const value = await fn();
  return { value, ms: Number(process.hrtime.bigint() - t) / 1e6 };
}

export function healthRoutes(d: { sequelize: Sequelize; services: Services; config: Readonly<Config> }): Router {
  const r = express.Router();
  const started = Date.now();
  r.get('/health', (_req, res) => {
    res.json({ status: 'ok', uptimeSeconds: Math.round((Date.now() - started) / 1000), database: d.config.db.embedded ? 'embedded' : 'postgresql', jobs: d.services.jobs.mode });
  });
  r.get(
    '/health/db',
    asyncRoute(async (_req, res) => {
      try {
        const { ms } = await timed(() => d.sequelize.query('SELECT 1'));
        res.json({ status: 'ok', embedded: d.config.db.embedded, latencyMs: Math.round(ms * 100) / 100 });
      } catch {
        res.status(503).json({ status: 'down', message: 'The database does not answer' });
      }
    }),
  );
  r.get(
    '/health/redis',
    asyncRoute(async (_req, res) => {
      if (!d.services.redis) return void res.json({ status: 'not configured', message: 'REDIS_URL is not set: jobs run in-process, rate limits are per process' });
      try {
        const { ms } = await timed(() => d.services.redis!.ping());
        res.json({ status: 'ok', latencyMs: Math.round(ms * 100) / 100 });
      } catch {
        res.status(503).json({ status: 'down', message: 'Redis does not answer' });
      }
    }),
  );
  r.get(
    '/health/queue',
    asyncRoute(async (_req, res) => {
      try {
        const stats = await d.services.jobs.stats();
        res.json({ status: 'ok', mode: d.services.jobs.mode, ...stats });
      } catch {
        res.status(503).json({ status: 'down', message: 'The job queue does not answer' });
      }
    }),
  );
  r.get(
    '/metrics',
    asyncRoute(async (_req, res) => {
      res.type(registry.contentType).send(await registry.metrics());
    }),
  );
  return r;
}
