/**
 * Configuration: environment (and `.env` when present) -> zod schema -> one frozen, typed object.
 * A wrong value stops start-up with a message naming the variable and what it expects.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { z } from 'zod';

export const DEFAULT_JWT_SECRET = 'dev-only-secret-change-me-dev-only-secret';
export const ROOT_DIR = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const list = z.string().transform((v) =>
  v.split(',').map((s) => s.trim()).filter(Boolean),
);
const duration = z
  .string()
  .regex(/^\d+[smhd]$/, 'a duration such as 15m, 12h or 7d')
  .transform((v) => {
    const n = Number(v.slice(0, -1));
    const unit = { s: 1, m: 60, h: 3600, d: 86400 }[v.slice(-1) as 's' | 'm' | 'h' | 'd'];
    return n * unit;
  });
const url = (protocols: string[]) =>
  z.string().refine((v) => {
    try {
      return protocols.includes(new URL(v).protocol);
    } catch {
      return false;
    }
  }, `a URL starting with ${protocols.join(' or ')}//`);

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(5000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: z.string().optional(),
  DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  DATA_DIR: z.string().default('data'),
  REDIS_URL: url(['redis:', 'rediss:']).optional(),
  REDIS_PREFIX: z.string().regex(/^[\w:.-]+$/, 'letters, digits and : . - _').default('his:'),
  JWT_SECRET: z.string().min(1).default(DEFAULT_JWT_SECRET),
  JWT_ACCESS_TTL: duration.default(900),
  JWT_REFRESH_TTL: duration.default(7 * 86400),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  MAIL_HOST: z.string().optional(),
  MAIL_PORT: z.coerce.number().int().default(587),
  MAIL_SECURE: bool.default(false),
  MAIL_USER: z.string().optional(),
  MAIL_PASSWORD: z.string().optional(),
  MAIL_FROM: z.string().default('HIS <no-reply@localhost>'),
  UPLOAD_DIR: z.string().default('data/uploads'),
  MAX_CONTENT_LENGTH: z.coerce.number().int().min(1024).default(16 * 1024 * 1024),
  FACILITY_CODE: z.string().regex(/^[A-Z]{2,6}$/, '2 to 6 capital letters').default('PHC'),
  FACILITY_NAME: z.string().default('Primary Health Care Centre'),
  FACILITY_ADDRESS: z.string().default('1 Health Street'),
  FACILITY_LOGO: z.string().optional(),
  CURRENCY: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD').default('USD'),
  CHROME_PATH: z.string().default('/usr/bin/chromium'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MODULES_DIR: z.string().default('modules'),
  DISABLED_MODULES: list.default([]),
  PLUGINS: list.default([]),
  JOBS_IN_WEB: bool.default(true),
  DEMO_SEED: bool.default(true),
  MAX_PAGE_SIZE: z.coerce.number().int().min(10).max(10000).default(500),
});

export type RawConfig = z.infer<typeof schema>;

export interface Config {
  env: RawConfig['NODE_ENV'];
  isProduction: boolean;
  port: number;
  host: string;
  publicUrl: string;
  db: { url?: string; poolMax: number; dataDir: string; embedded: boolean };
  redisUrl?: string;
  redisPrefix: string;
  jwt: { secret: string; accessTtl: number; refreshTtl: number; isDefault: boolean };
  login: { maxFailures: number; lockMinutes: number; ratePerMinute: number };
  rateLimitPerMinute: number;
  mail: { host?: string; port: number; secure: boolean; user?: string; password?: string; from: string };
  uploadDir: string;
  maxContentLength: number;
  facility: { code: string; name: string; address: string; logo?: string };
  currency: string;
  chromePath: string;
  logLevel: RawConfig['LOG_LEVEL'];
  modulesDir: string;
  disabledModules: string[];
  plugins: string[];
  jobsInWeb: boolean;
  demoSeed: boolean;
  maxPageSize: number;
  rootDir: string;
}

export class ConfigError extends Error {}

/** Reads `.env` (if any) under the environment: real environment variables win. */
function readDotenv(rootDir: string): Record<string, string> {
  const file = path.join(rootDir, '.env');
  return fs.existsSync(file) ? parseDotenv(fs.readFileSync(file)) : {};
}

export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  options: { dotenv?: boolean } = {},
): Readonly<Config> {
  const merged = { ...(options.dotenv === false ? {} : readDotenv(ROOT_DIR)), ...env };
  // Empty strings mean "not set", as in most .env conventions.
  const input = Object.fromEntries(
    Object.entries(merged).filter(([k, v]) => k in schema.shape && v !== undefined && v !== ''),
  );
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (i) => `  ${String(i.path[0])}: ${i.message}${input[String(i.path[0])] !== undefined ? ` (got "${input[String(i.path[0])]}")` : ''}`,
    );
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const abs = (p: string) => (path.isAbsolute(p) || p.startsWith('memory://') ? p : path.join(ROOT_DIR, p));
  const isProduction = c.NODE_ENV === 'production';
  const jwtIsDefault = c.JWT_SECRET === DEFAULT_JWT_SECRET;
  if (isProduction && (jwtIsDefault || c.JWT_SECRET.length < 32)) {
    throw new ConfigError(
      'Invalid configuration:\n  JWT_SECRET: production needs a secret of your own of at least 32 characters (e.g. `openssl rand -base64 48`)',
    );
  }
  const config: Config = {
    env: c.NODE_ENV,
    isProduction,
    port: c.PORT,
    host: c.HOST,
    publicUrl: c.PUBLIC_URL ?? `http://localhost:${c.PORT}`,
    db: { url: c.DATABASE_URL, poolMax: c.DATABASE_POOL_MAX, dataDir: abs(c.DATA_DIR), embedded: !c.DATABASE_URL },
    redisUrl: c.REDIS_URL,
    redisPrefix: c.REDIS_PREFIX,
    jwt: { secret: c.JWT_SECRET, accessTtl: c.JWT_ACCESS_TTL, refreshTtl: c.JWT_REFRESH_TTL, isDefault: jwtIsDefault },
    login: { maxFailures: c.LOGIN_MAX_FAILURES, lockMinutes: c.LOGIN_LOCK_MINUTES, ratePerMinute: c.LOGIN_RATE_LIMIT_PER_MINUTE },
    rateLimitPerMinute: c.RATE_LIMIT_PER_MINUTE,
    mail: { host: c.MAIL_HOST, port: c.MAIL_PORT, secure: c.MAIL_SECURE, user: c.MAIL_USER, password: c.MAIL_PASSWORD, from: c.MAIL_FROM },
    uploadDir: abs(c.UPLOAD_DIR),
    maxContentLength: c.MAX_CONTENT_LENGTH,
    facility: { code: c.FACILITY_CODE, name: c.FACILITY_NAME, address: c.FACILITY_ADDRESS, logo: c.FACILITY_LOGO },
    currency: c.CURRENCY,
    chromePath: c.CHROME_PATH,
    logLevel: c.LOG_LEVEL,
    modulesDir: abs(c.MODULES_DIR),
    disabledModules: c.DISABLED_MODULES,
    plugins: c.PLUGINS,
    jobsInWeb: c.JOBS_IN_WEB,
    demoSeed: c.DEMO_SEED,
    maxPageSize: c.MAX_PAGE_SIZE,
    rootDir: ROOT_DIR,
  };
  return Object.freeze(config);
}
