import { QueryTypes } from 'sequelize';
/**
 * Every module's migrations apply on an empty database, revert completely (`npm run
 * migrate:down -- --to 0`) and apply again.
 */
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../server/db/sequelize.js';
import { createMigrator } from '../server/db/migrator.js';
import { loadModules } from '../server/host/host.js';
import { testConfig, unique } from './support/harness.js';

const base = testConfig();
const name = `his_migr_${unique()}`;
const url = new URL(base.db.url!);
let db: Database;

beforeAll(async () => {
  const c = new pg.Client({ connectionString: base.db.url });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  url.pathname = `/${name}`;
  db = await openDatabase({ ...base, db: { ...base.db, url: url.toString() } });
});

afterAll(async () => {
  await db?.close();
  const c = new pg.Client({ connectionString: base.db.url });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await c.end();
});

const tables = async () =>
  (await db.sequelize.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations' ORDER BY 1`, { type: QueryTypes.SELECT })).map((r) => r.t);

describe('migrations', () => {
  it('apply in module order, revert to nothing, and apply again', async () => {
    const modules = await loadModules({ config: base });
    const migrator = createMigrator(
      db.sequelize,
      modules.map((m) => ({ module: m.id, dir: path.resolve(m.dir, m.migrations ?? 'migrations') })),
    );
    const applied = await migrator.up();
    expect(applied.length).toBeGreaterThan(1);
    expect(applied[0].name.startsWith('platform/')).toBe(true);
    const created = await tables();
    expect(created).toEqual(expect.arrayContaining(['users', 'audit_logs', 'patients']));
    await migrator.down({ to: 0 });
    expect(await tables()).toEqual([]);
    expect((await migrator.up()).length).toBe(applied.length);
    expect(await tables()).toEqual(created);
  }, 120_000);
});
