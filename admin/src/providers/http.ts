/**
 * fetchJson for the whole app: adds the bearer token and, when the API answers 401 because
 * the access token expired, renews it once with the refresh token and replays the request.
 * Concurrent 401s share one renewal: the refresh token rotates, so a second renewal with the
 * same token would be refused and sign the user out.
 */
import { fetchUtils, HttpError } from 'react-admin';
import { readSession, writeSession, type Session } from './session.js';

let renewal: Promise<Session | null> | null = null;

async function renew(): Promise<Session | null> {
  const current = readSession();
  if (!current?.refreshToken) return null;
  const res = await fetch('/api/auth/refresh', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ refreshToken: current.refreshToken }),
  });
  if (!res.ok) {
    writeSession(null);
    return null;
  }
  const body = (await res.json()) as Session;
  const next = { token: body.token, refreshToken: body.refreshToken, user: body.user };
  writeSession(next);
  return next;
}

/** One renewal at a time; callers arriving during it wait for the same result. */
export function renewSession(): Promise<Session | null> {
  renewal ??= renew().finally(() => {
    renewal = null;
  });
  return renewal;
}

function withToken(options: fetchUtils.Options, token?: string): fetchUtils.Options {
  const headers = new Headers(options.headers as HeadersInit | undefined);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  if (token) headers.set('Authorization', `Bearer ${token}`);
  return { ...options, headers };
}

export async function fetchJson(url: string, options: fetchUtils.Options = {}) {
  const session = readSession();
  try {
    return await fetchUtils.fetchJson(url, withToken(options, session?.token));
  } catch (err) {
    if (!(err instanceof HttpError) || err.status !== 401 || !session) throw err;
    const renewed = await renewSession();
    if (!renewed) throw err;
    return fetchUtils.fetchJson(url, withToken(options, renewed.token));
  }
}
