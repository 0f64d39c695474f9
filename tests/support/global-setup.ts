/**
 * One fresh database per test run (so runs never collide), migrated and seeded once; every
 * test file then boots its host against it. Dropped at the end unless HIS_KEEP_TEST_DB=1.
 */
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../config/index.js';
import { createHost } from '../../server/host/host.js';
import { DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL } from '../../scripts/services.js';

export default async function setup(project: TestProject) {
  const baseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const name = `his_test_${Date.now().toString(36)}_${process.pid}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const env = {
    DATABASE_URL: url.toString(),
    REDIS_URL: process.env.REDIS_URL || DEFAULT_REDIS_URL,
    REDIS_PREFIX: `his:test:${name}:`,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.LOG_LEVEL || 'silent',
    LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
    RATE_LIMIT_PER_MINUTE: '1000000',
    DEMO_SEED: 'true',
    MODULES_DIR: process.env.MODULES_DIR || 'modules',
  };
  const host = await createHost({ config: loadConfig(env, { dotenv: false }), migrate: true, seed: 'demo' });
  await host.close();
  for (const [k, v] of Object.entries(env)) project.provide(k as never, v as never);
  return async () => {
    if (process.env.HIS_KEEP_TEST_DB) return;
    const c = new pg.Client({ connectionString: baseUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  };
}
