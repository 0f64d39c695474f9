/**
 * `POST /api/auth/login` and keeping the session. Free of react-admin so the sign-in page
 * can load before the application does.
 */
import { writeSession } from '../providers/session.js';

export class SignInError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(message);
  }
}

export async function signIn(email: string, password: string): Promise<void> {
  const res = await fetch('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) {
    const fields = body?.errors ? Object.values(body.errors as Record<string, string>) : [];
    throw new SignInError([body?.message, ...fields].filter(Boolean).join(': ') || 'Sign-in failed', res.status, body);
  }
  writeSession({ token: body.token, refreshToken: body.refreshToken, user: body.user });
}
