/**
 * Makes sure PostgreSQL and Redis answer before tests: starts local ones that are installed
 * but stopped, otherwise stops at once naming what is missing and how to provide it.
 */
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import pg from 'pg';
import { Redis } from 'ioredis';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const has = (cmd: string) => {
  try {
    execSync(`command -v ${cmd}`, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

async function pgAnswers(url: string) {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

async function redisAnswers(url: string) {
  const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 2000 });
  r.on('error', () => undefined);
  try {
    await r.connect();
    return (await r.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    r.disconnect();
  }
}

async function waitFor(check: () => Promise<boolean>, seconds: number) {
  for (let i = 0; i < seconds * 2; i++) {
    if (await check()) return true;
    await sleep(500);
  }
  return false;
}

export class MissingService extends Error {}

export async function ensurePostgres(url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL) {
  if (await pgAnswers(url)) return url;
  const local = /@(127\.0\.0\.1|localhost)(:5432)?\//.test(url);
  if (local && has('pg_ctlcluster') && fs.existsSync('/etc/postgresql')) {
    console.log('PostgreSQL does not answer: starting the local cluster ...');
    for (const version of fs.readdirSync('/etc/postgresql')) {
      try {
        execSync(`pg_ctlcluster --skip-systemctl-redirect ${version} main start`, { stdio: 'inherit' });
      } catch {
        /* already running or another version */
      }
    }
    if (await waitFor(() => pgAnswers(url), 20)) return url;
  }
  throw new MissingService(
    `PostgreSQL does not answer at ${url.replace(/:[^:@/]+@/, ':***@')}.\n` +
      `Install and start PostgreSQL 15 (apt-get install postgresql), or set DATABASE_URL to a database the tests may use (e.g. postgres://user@host:5432/test).`,
  );
}

export async function ensureRedis(url = process.env.REDIS_URL || DEFAULT_REDIS_URL) {
  if (await redisAnswers(url)) return url;
  const local = /\/\/(127\.0\.0\.1|localhost)(:6379)?/.test(url);
  if (local && has('redis-server')) {
    console.log('Redis does not answer: starting a local redis-server ...');
    fs.mkdirSync('/var/lib/redis', { recursive: true });
    try {
      execSync(`redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no --dir /var/lib/redis`, { stdio: 'inherit' });
    } catch {
      /* reported below */
    }
    if (await waitFor(() => redisAnswers(url), 10)) return url;
  }
  throw new MissingService(
    `Redis does not answer at ${url}.\nInstall and start Redis 7 (apt-get install redis-server), or set REDIS_URL (e.g. redis://host:6379).`,
  );
}

export function ensureChromium(path = process.env.CHROME_PATH || '/usr/bin/chromium') {
  if (fs.existsSync(path)) return path;
  throw new MissingService(`Chromium is missing at ${path} (browser tests and PDFs need it).\nInstall it with apt-get install chromium, or set CHROME_PATH to a Chrome or Chromium binary.`);
}
