/**
 * The express application: security headers, request ids and logs, rate limits, sign-in,
 * every module's resources and routes, health and metrics, the browser app, error mapping.
 */
import fs from 'node:fs';
import path from 'node:path';
import express, { type Express, type Router } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { Sequelize } from 'sequelize';
import type { Config } from '../../config/index.js';
import { authenticate, authRoutes } from '../auth/routes.js';
import type { TokenService } from '../auth/tokens.js';
import type { UserStatusCache } from '../auth/user-status.js';
import type { Services } from '../host/services.js';
import type { LoadedModule, ModuleContext } from '../host/types.js';
import { healthRoutes, metricsMiddleware } from '../health/health.js';
import { asyncRoute } from './async-route.js';
import { requireUser } from './context.js';
import { errorHandler, Forbidden, NotFound } from './errors.js';
import { openApiDocument } from './openapi.js';
import { ResourceRouter } from './resource.js';
import { rateLimit } from './rate-limit.js';
import { requestLog } from './request-log.js';

export interface AppDeps {
  config: Readonly<Config>;
  logger: Logger;
  services: Services;
  tokens: TokenService;
  userStatus: UserStatusCache;
  sequelize: Sequelize;
  modules: LoadedModule[];
  moduleRoutes(routers: { api: Router; root: Router }): void;
  kpiContext(moduleId: string): ModuleContext;
}

function limiter(d: AppDeps, name: string, perMinute: number) {
  return rateLimit({ limit: perMinute, redis: d.services.redis, prefix: `${d.config.redisPrefix}rl:${name}:` });
}

/**
 * Helmet's headers do not depend on the request: they are worked out once by running its
 * middleware against a recording response, then set as one list on every response.
 */
function fixedHeaders(middleware: express.RequestHandler): express.RequestHandler {
  const headers: [string, string | number | readonly string[]][] = [];
  const removed: string[] = [];
  const recorder = { setHeader: (k: string, v: string) => headers.push([k, v]), removeHeader: (k: string) => removed.push(k) };
  middleware({} as express.Request, recorder as unknown as express.Response, () => undefined);
  return (_req, res, next) => {
    for (const [k, v] of headers) res.setHeader(k, v);
    for (const k of removed) res.removeHeader(k);
    next();
  };
}

export function buildApp(d: AppDeps): Express {
  const { config, services } = d;
  const app = express();
  app.disable('x-powered-by');
  // No ETag hashed over every JSON answer: the back-office never revalidates API responses
  // (static files keep their own ETags).
  app.set('etag', false);
  app.set('trust proxy', 'loopback');
  // Flat query strings (node:querystring), Express 5's default: lists take JSON in
  // sort/range/filter, so qs's nested a[b]=c objects are never needed, only a surface to guard.
  app.set('query parser', 'simple');
  app.use(fixedHeaders(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          upgradeInsecureRequests: null,
        },
      },
      strictTransportSecurity: config.isProduction,
    }),
  ));
  app.use(requestLog(app, d.logger, (url) => url === '/health' || url === '/metrics'));
  app.use(metricsMiddleware());
  app.use((req, res, next) => {
    req.ctx = { ip: req.ip, userAgent: req.get('user-agent'), requestId: String(req.id) };
    res.setHeader('Access-Control-Expose-Headers', 'Content-Range, X-Request-Id');
    next();
  });
  app.use(healthRoutes({ sequelize: d.sequelize, services, config }));

  const api = express.Router();
  api.use(express.json({ limit: config.maxContentLength }));
  api.use(limiter(d, 'api', config.rateLimitPerMinute));
  api.use('/auth/login', limiter(d, 'login', config.login.ratePerMinute));
  api.use(authenticate(d.tokens, d.userStatus));
  api.use(
    '/auth',
    authRoutes({
      config,
      sequelize: d.sequelize,
      User: d.kpiContext('platform').models.User,
      tokens: d.tokens,
      status: d.userStatus,
      audit: services.audit,
      access: () => services.access,
      registry: services.registry,
      menus: () => Object.fromEntries([...services.registry.resources].map(([n, r]) => [n, r.menu])),
    }),
  );
  api.get('/openapi.json', (_req, res) => res.json(openApiDocument(services.registry, d.modules, config)));

  // Everything below needs a signed-in user; each route then checks its own grant.
  api.use((req, _res, next) => {
    requireUser(req);
    next();
  });
  const kpis = d.modules.flatMap((m) => (m.kpis ?? []).map((k) => ({ ...k, module: m.id })));
  api.get('/kpis', (req, res) => {
    const user = requireUser(req);
    res.json(kpis.filter((k) => services.access.can(user.roles, 'read', k.resource).granted).map(({ id, label, resource, module }) => ({ id, label, resource, module })));
  });
  api.get(
    '/kpis/:id',
    asyncRoute(async (req, res) => {
      const user = requireUser(req);
      const kpi = kpis.find((k) => k.id === req.params.id);
      if (!kpi) throw new NotFound(`No KPI named ${req.params.id}`);
      if (!services.access.can(user.roles, 'read', kpi.resource).granted) throw new Forbidden();
      res.json(await kpi.compute(d.kpiContext(kpi.module), req.query as Record<string, string>));
    }),
  );
  const resources = new ResourceRouter(services, config.maxPageSize);
  for (const [name, { def }] of services.registry.resources) api.use(`/${name}`, resources.build(def));
  const root = express.Router();
  d.moduleRoutes({ api, root });
  api.use((req, _res, next) => next(new NotFound(`No API route ${req.method} ${req.baseUrl}${req.path}`)));
  app.use('/api', api);
  app.use(root);
  serveAdmin(app, config);
  app.use(errorHandler);
  return app;
}

/** The built back-office, or a plain page that links to the API description until it is built. */
function serveAdmin(app: Express, config: Readonly<Config>) {
  const dist = path.join(config.rootDir, 'admin', 'dist');
  if (fs.existsSync(path.join(dist, 'index.html'))) {
    app.use(express.static(dist, { index: false, maxAge: '1h' }));
    app.get(/^\/(?!api\/|health|metrics).*/, (_req, res) => res.sendFile(path.join(dist, 'index.html')));
    return;
  }
  app.get('/', (_req, res) => {
    res.type('html').send(`<!doctype html><html><head><meta charset="utf-8"><title>${config.facility.name} - HIS</title></head>
<body style="font-family:sans-serif;max-width:40rem;margin:3rem auto">
<h1>${config.facility.name}</h1><p>The Hospital Information System API is running.</p>
<ul><li><a href="/api/openapi.json">API description (OpenAPI)</a></li><li><a href="/health">Health</a></li></ul>
</body></html>`);
  });
}
