/**
 * Test harness: a real host on the run's database, served on a real port, and helpers that
 * sign in and call the API the way the browser app does.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../../config/index.js';
import { createHost, type Host, type HostOptions } from '../../server/host/host.js';

export const DEMO_PASSWORD = 'password123';
const KEYS = ['DATABASE_URL', 'REDIS_URL', 'REDIS_PREFIX', 'NODE_ENV', 'LOG_LEVEL', 'LOGIN_RATE_LIMIT_PER_MINUTE', 'RATE_LIMIT_PER_MINUTE', 'DEMO_SEED', 'MODULES_DIR'] as const;

export function testEnv(overrides: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const k of KEYS) env[k] = inject(k as never) as string;
  return { ...env, ...overrides };
}

export function testConfig(overrides: Record<string, string> = {}): Readonly<Config> {
  return loadConfig(testEnv(overrides), { dotenv: false });
}

export interface TestServer {
  host: Host;
  url: string;
  api: Api;
  close(): Promise<void>;
  login(email: string, password?: string): Promise<Api>;
}

/** A response body as JSON, or undefined when it is empty or not JSON. */
export function jsonOf(text: string): any {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

export class Api {
  constructor(
    readonly base: string,
    readonly token?: string,
    readonly refreshToken?: string,
  ) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: jsonOf(text), text, headers: res.headers };
  }

  get = (path: string) => this.request('GET', path);
  post = (path: string, body?: unknown) => this.request('POST', path, body ?? {});
  put = (path: string, body: unknown) => this.request('PUT', path, body);
  delete = (path: string) => this.request('DELETE', path);

  /** GET a list with the ra-data-simple-rest query parameters. */
  list(resource: string, q: ListParams = {}) {
    return this.get(listPath(resource, q));
  }
}

export interface ListParams {
  sort?: [string, string];
  range?: [number, number];
  filter?: Record<string, unknown>;
}

/** `/api/<resource>?sort=...&range=...&filter=...` as ra-data-simple-rest writes it. */
export function listPath(resource: string, q: ListParams = {}) {
  const params = new URLSearchParams();
  if (q.sort) params.set('sort', JSON.stringify(q.sort));
  if (q.range) params.set('range', JSON.stringify(q.range));
  if (q.filter) params.set('filter', JSON.stringify(q.filter));
  return `/api/${resource}?${params}`;
}

export async function startServer(opts: Partial<HostOptions> & { env?: Record<string, string> } = {}): Promise<TestServer> {
  const host = await createHost({ config: testConfig(opts.env), migrate: true, seed: false, ...opts });
  const server: Server = await new Promise((resolve) => {
    const s = host.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const api = new Api(url);
  return {
    host,
    url,
    api,
    async login(email, password = DEMO_PASSWORD) {
      const res = await api.post('/api/auth/login', { email, password });
      if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${res.text}`);
      return new Api(url, res.body.token, res.body.refreshToken);
    },
    async close() {
      await new Promise((r) => server.close(r));
      await host.close();
    },
  };
}

/** A unique suffix so tests never trip over each other's records. */
export const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
