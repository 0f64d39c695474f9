import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config/index.js';
import { spawnSync } from 'node:child_process';
import { ROOT_DIR } from '../config/index.js';
import { testEnv } from './support/harness.js';

const load = (env: Record<string, string>) => loadConfig(env, { dotenv: false });

describe('configuration', () => {
  it('has embedded defaults: port 5000, no database URL (PGlite), no Redis', () => {
    const c = load({});
    expect(c.port).toBe(5000);
    expect(c.db.embedded).toBe(true);
    expect(c.redisUrl).toBeUndefined();
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('a wrong value stops start-up naming the variable and what it expects', () => {
    expect(() => load({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => load({ PORT: 'eighty' })).toThrow(/PORT: .*number/i);
    expect(() => load({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: a URL starting with postgres:/);
    expect(() => load({ JWT_ACCESS_TTL: 'forever' })).toThrow(/JWT_ACCESS_TTL: a duration such as 15m/);
    expect(() => load({ FACILITY_CODE: 'phc1' })).toThrow(/FACILITY_CODE: 2 to 6 capital letters/);
    expect(() => load({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });

  it('parses lists and durations', () => {
    const c = load({ DISABLED_MODULES: 'radiology, dental', JWT_ACCESS_TTL: '10m', JWT_REFRESH_TTL: '2d' });
    expect(c.disabledModules).toEqual(['radiology', 'dental']);
    expect(c.jwt.accessTtl).toBe(600);
    expect(c.jwt.refreshTtl).toBe(172800);
  });

  it('production refuses the default or a short JWT secret', () => {
    expect(() => load({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: production needs a secret of your own/);
    expect(() => load({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
    expect(load({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }).isProduction).toBe(true);
  });

  it('production refuses to start while an account still has the demo password', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: ROOT_DIR,
      env: { ...process.env, ...testEnv(), NODE_ENV: 'production', JWT_SECRET: 'a-long-production-secret-for-this-test-only', PORT: '0', LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/NODE_ENV=production refuses to start: \d+ account\(s\) still use the demo password \(.*admin@healthcare.com/);
  }, 90_000);
});
