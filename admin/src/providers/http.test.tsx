import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fetchJson } from './http.js';
import { readSession, writeSession } from './session.js';

const user = { id: 'u1', email: 'clerk@healthcare.com', name: 'Clerk', roles: ['registration'] };
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A stand-in API: access token "fresh" is accepted, "stale" is refused; refresh rotates once. */
function fakeApi() {
  const calls: { url: string; auth: string | null; body?: string }[] = [];
  let refreshes = 0;
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    calls.push({ url, auth: headers.get('authorization'), body: init?.body as string | undefined });
    if (url.endsWith('/api/auth/refresh')) {
      refreshes++;
      const { refreshToken } = JSON.parse(String(init?.body));
      if (refreshToken !== 'r1') return json(401, { message: 'Refresh token reused' });
      return json(200, { token: 'fresh', refreshToken: 'r2', user });
    }
    if (headers.get('authorization') !== 'Bearer fresh') return json(401, { message: 'Token expired' });
    return json(200, [{ id: 1 }]);
  });
  return { fetch, calls, refreshes: () => refreshes };
}

describe('the API client', () => {
  let api: ReturnType<typeof fakeApi>;
  beforeEach(() => {
    api = fakeApi();
    vi.stubGlobal('fetch', api.fetch);
    writeSession({ token: 'stale', refreshToken: 'r1', user });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    writeSession(null);
  });

  it('renews an expired token with the refresh token and replays the request, invisibly', async () => {
    const { json: body } = await fetchJson('/api/patients');
    expect(body).toEqual([{ id: 1 }]);
    expect(readSession()).toMatchObject({ token: 'fresh', refreshToken: 'r2' });
    expect(api.calls.map((c) => c.auth ?? c.url)).toEqual(['Bearer stale', '/api/auth/refresh', 'Bearer fresh']);
  });

  it('renews once for requests that expire together (the refresh token rotates)', async () => {
    await Promise.all([fetchJson('/api/patients'), fetchJson('/api/users'), fetchJson('/api/kpis')]);
    expect(api.refreshes()).toBe(1);
  });

  it('signs out when the refresh token is refused', async () => {
    writeSession({ token: 'stale', refreshToken: 'revoked', user });
    await expect(fetchJson('/api/patients')).rejects.toMatchObject({ status: 401 });
    expect(readSession()).toBeNull();
  });
});
