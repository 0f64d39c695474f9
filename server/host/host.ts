/**
 * The plugin host: discovers the modules, orders them by dependsOn and runs their lifecycle
 * phases in order: models, associations, migrations, grants, resources and routes, bootstrap
 * (roles, base seeds, jobs, module bootstraps, demo seed).
 */
import path from 'node:path';
import type { Express } from 'express';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Model, ModelStatic } from 'sequelize';
import type { Config } from '../../config/index.js';
import { Access } from '../access/access-control.js';
import { AuditService } from '../audit/audit.js';
import { TokenService } from '../auth/tokens.js';
import { UserStatusCache } from '../auth/user-status.js';
import { openDatabase, type Database } from '../db/sequelize.js';
import { createMigrator } from '../db/migrator.js';
import { EventBus } from '../events/event-bus.js';
import type { JobService } from '../jobs/jobs.js';
import { createJobs } from '../jobs/create-jobs.js';
import { ResourceRegistry } from '../http/registry.js';
import { buildApp } from '../http/app.js';
import { createLogger } from '../logger.js';
import platform from '../platform/module.js';
import workflows from '../workflows/module.js';
import documentsModule from '../documents/module.js';
import { discoverModules, orderModules, validateManifest } from './discovery.js';
import { createServices, type Services } from './services.js';
import type { LoadedModule, ModuleContext, ModuleManifest } from './types.js';
import { runSeeds } from './seeding.js';
import { readRuleSets } from '../workflows/rules.js';
import { StoredRulesService } from '../workflows/rule-store.js';
import { HandlebarsDocuments } from '../documents/documents.js';

export interface HostOptions {
  config: Readonly<Config>;
  logger?: Logger;
  /** Folder to discover modules in (default <root>/modules). */
  modulesDir?: string;
  /** Boot only these modules and what they depend on. */
  only?: string[];
  /** Extra manifests (tests). */
  extraModules?: (ModuleManifest & { dir?: string })[];
  migrate?: boolean;
  /** 'demo' also loads demo data once (first start). */
  seed?: 'base' | 'demo' | false;
  /** Let the jobs service be built by the caller (the BullMQ one in the worker). */
  jobs?: (services: Services, logger: Logger) => JobService;
}

export interface Host {
  config: Readonly<Config>;
  logger: Logger;
  db: Database;
  app: Express;
  modules: LoadedModule[];
  models: Record<string, ModelStatic<Model>>;
  services: Services;
  contextOf(moduleId: string): ModuleContext;
  close(): Promise<void>;
}

export const PLATFORM_DIR = path.resolve(import.meta.dirname, '..');

/** Platform modules under server/: always loaded first, never disabled. */
const CORE_MODULES: { manifest: ModuleManifest; dir: string }[] = [
  { manifest: platform, dir: path.join(PLATFORM_DIR, 'platform') },
  { manifest: workflows, dir: path.join(PLATFORM_DIR, 'workflows') },
  { manifest: documentsModule, dir: path.join(PLATFORM_DIR, 'documents') },
];
const CORE_IDS = CORE_MODULES.map((c) => c.manifest.id);

function withDeps(all: LoadedModule[], only: string[]): LoadedModule[] {
  const byId = new Map(all.map((m) => [m.id, m]));
  const keep = new Set<string>();
  const add = (id: string) => {
    if (keep.has(id)) return;
    keep.add(id);
    for (const d of byId.get(id)?.dependsOn ?? []) add(d);
  };
  for (const id of [...CORE_IDS, ...only]) add(id);
  return all.filter((m) => keep.has(m.id));
}

export async function loadModules(opts: Pick<HostOptions, 'config' | 'modulesDir' | 'only' | 'extraModules'>): Promise<LoadedModule[]> {
  const { config } = opts;
  const core: LoadedModule[] = CORE_MODULES.map(({ manifest, dir }) => ({
    ...manifest,
    dependsOn: manifest.dependsOn ?? [],
    dir,
    source: `server/${path.basename(dir)}`,
  }));
  const discovered = await discoverModules({
    modulesDir: opts.modulesDir ?? config.modulesDir,
    plugins: config.plugins,
    rootDir: config.rootDir,
  });
  const extra = (opts.extraModules ?? []).map((m) => ({
    ...validateManifest(m, `module ${m.id}`),
    dependsOn: m.dependsOn ?? [],
    dir: m.dir ?? config.rootDir,
    source: `module ${m.id}`,
  }));
  // Every module stands on the platform modules.
  const all = [...core, ...discovered, ...extra].map((m) =>
    CORE_IDS.includes(m.id) ? m : { ...m, dependsOn: [...new Set([...CORE_IDS, ...m.dependsOn])] },
  );
  const ordered = orderModules(all, config.disabledModules, CORE_IDS);
  return opts.only ? withDeps(ordered, opts.only) : ordered;
}

export async function createHost(opts: HostOptions): Promise<Host> {
  const { config } = opts;
  const logger = opts.logger ?? createLogger(config);
  const modules = await loadModules(opts);
  const db = await openDatabase(config);
  const { sequelize } = db;
  const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 2, lazyConnect: false }) : null;
  redis?.on('error', (err) => logger.warn({ err: err.message }, 'redis error'));

  const events = new EventBus();
  const registry = new ResourceRegistry();
  const services = createServices({
    audit: new AuditService(sequelize),
    events,
    registry,
    redis,
    jobs: undefined as unknown as JobService,
    rules: new StoredRulesService(sequelize, redis, config.redisPrefix, [
      ...readRuleSets(path.join(config.rootDir, 'rules')),
      ...modules.flatMap((m) => readRuleSets(path.resolve(m.dir, m.rules ?? 'rules'), m.id)),
    ]),
    documents: new HandlebarsDocuments(config),
  });
  for (const m of modules) (services.documents as HandlebarsDocuments).load(path.resolve(m.dir, m.templates ?? 'templates'), `${m.id}/`);
  services.jobs = opts.jobs ? opts.jobs(services, logger) : createJobs(config, logger);
  const tokens = new TokenService(sequelize, config.jwt.secret, config.jwt.accessTtl, config.jwt.refreshTtl);
  const userStatus = new UserStatusCache(sequelize, redis, `${config.redisPrefix}user-status`);
  services.provide('tokens', tokens);
  services.provide('user-status', userStatus);

  const models: Record<string, ModelStatic<Model>> = {};
  const contexts = new Map<string, ModuleContext>();
  for (const m of modules) {
    contexts.set(m.id, { config, sequelize, logger: logger.child({ module: m.id }), models, services, dir: m.dir });
  }
  const ctx = (m: LoadedModule) => contexts.get(m.id)!;
  const phase = async (name: string, fn: (m: LoadedModule) => unknown) => {
    for (const m of modules) {
      try {
        await fn(m);
      } catch (err) {
        (err as Error).message = `Module "${m.id}" failed in phase ${name}: ${(err as Error).message}`;
        throw err;
      }
    }
  };

  try {
    await phase('models', (m) => Object.assign(models, m.models?.(ctx(m)) ?? {}));
    await phase('associations', (m) => m.associations?.(ctx(m)));
    if (opts.migrate !== false) {
      const migrator = createMigrator(
        sequelize,
        modules.map((m) => ({ module: m.id, dir: path.resolve(m.dir, m.migrations ?? 'migrations') })),
        logger,
      );
      await migrator.up();
    }
    const roles = modules.flatMap((m) => (m.roles ?? []).map((r) => ({ ...r, module: m.id })));
    services.access = new Access(roles, modules.flatMap((m) => m.grants ?? []));

    await phase('resources', (m) => {
      for (const def of m.resources?.(ctx(m)) ?? []) services.registry.add(def, m.id, m.menu ?? m.label);
    });
    const app = buildApp({
      config,
      logger,
      services,
      tokens,
      userStatus,
      sequelize,
      modules,
      moduleRoutes: (routers) => modules.forEach((m) => m.routes?.(ctx(m), routers)),
      kpiContext: (moduleId) => contexts.get(moduleId)!,
    });

    await phase('bootstrap', async (m) => {
      for (const job of m.jobs ?? []) services.jobs.register(job.name, (data) => job.handler(ctx(m), data), { repeat: job.repeat });
      await m.bootstrap?.(ctx(m));
    });
    if (opts.seed) await runSeeds({ modules, ctx, sequelize, logger, roles, grants: services.access.grants, demo: opts.seed === 'demo', config });
    await userStatus.start();
    await services.jobs.start();

    return {
      config,
      logger,
      db,
      app,
      modules,
      models,
      services,
      contextOf: (id) => {
        const c = contexts.get(id);
        if (!c) throw new Error(`Module "${id}" is not loaded`);
        return c;
      },
      async close() {
        await services.jobs.close();
        await services.rules.close?.();
        await services.documents.close();
        await userStatus.stop();
        await redis?.quit().catch(() => undefined);
        await db.close();
      },
    };
  } catch (err) {
    await services.jobs.close().catch(() => undefined);
    await services.rules.close?.().catch(() => undefined);
    await redis?.quit().catch(() => undefined);
    await db.close().catch(() => undefined);
    throw err;
  }
}
