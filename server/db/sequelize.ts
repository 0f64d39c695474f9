/**
 * Sequelize on real PostgreSQL (DATABASE_URL) or, when none is configured, on embedded PGlite
 * in-process (same dialect, no server to install; pool of one connection).
 *
 * Every query inside `sequelize.transaction(async () => ...)` joins that transaction through
 * CLS. With PGlite's single connection, a query issued outside the open transaction would
 * otherwise wait forever.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import { Sequelize } from 'sequelize';
import type { Config } from '../../config/index.js';

/**
 * The CLS namespace Sequelize expects (get/set/run/bind), kept in AsyncLocalStorage: far
 * cheaper per promise than cls-hooked's async hooks. `run` starts a child context that sees
 * the parent's values, so a nested transaction does not disturb the outer one.
 */
const store = new AsyncLocalStorage<Map<string, unknown>>();
const namespace = {
  get: (key: string) => store.getStore()?.get(key),
  set: (key: string, value: unknown) => {
    store.getStore()?.set(key, value);
  },
  run: (fn: (context: Map<string, unknown>) => unknown) => {
    const context = new Map(store.getStore() ?? []);
    return store.run(context, () => fn(context));
  },
  bind: <F extends (...args: any[]) => any>(fn: F) => AsyncLocalStorage.bind(fn),
};
Sequelize.useCLS(namespace as never);

export interface Database {
  sequelize: Sequelize;
  embedded: boolean;
  close(): Promise<void>;
}

async function embeddedDialect(dataDir: string) {
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { PglitePgConnection } = await import('@electric-sql/pglite/node-postgres');
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const pglite = await PGlite.create(dataDir.startsWith('memory://') ? dataDir : dataDir, {
    extensions: { pg_trgm },
  });
  class PgliteClient extends pg.Client {
    constructor(options: pg.ClientConfig) {
      super({ ...options, connection: new PglitePgConnection({ pglite }) } as pg.ClientConfig);
    }
  }
  return { dialectModule: { ...pg, Client: PgliteClient }, pglite };
}

export async function openDatabase(
  config: Pick<Config, 'db' | 'logLevel'>,
  options: { log?: (sql: string) => void } = {},
): Promise<Database> {
  const common = {
    dialect: 'postgres' as const,
    logging: options.log ?? false,
    define: { underscored: true, timestamps: true },
  };
  if (config.db.url) {
    const sequelize = new Sequelize(config.db.url, {
      ...common,
      pool: { max: config.db.poolMax, min: 0, idle: 10_000 },
      dialectOptions: { application_name: 'his' },
    });
    await sequelize.authenticate();
    return { sequelize, embedded: false, close: () => sequelize.close() };
  }
  const dataDir = config.db.dataDir.startsWith('memory://') ? config.db.dataDir : path.join(config.db.dataDir, 'pg');
  const { dialectModule, pglite } = await embeddedDialect(dataDir);
  const sequelize = new Sequelize('postgres://postgres@localhost/postgres', {
    ...common,
    dialectModule,
    pool: { max: 1, min: 0, idle: 60_000 },
    dialectOptions: { query_timeout: 60_000 },
  });
  await sequelize.authenticate();
  return {
    sequelize,
    embedded: true,
    async close() {
      await sequelize.close();
      await pglite.close();
    },
  };
}
