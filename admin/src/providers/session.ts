/**
 * The signed-in session: the access token, the refresh token that renews it, and the user.
 * Kept in localStorage so a reload keeps the user signed in; the refresh token rotates on
 * every renewal, so a copied one stops working as soon as it is used.
 */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  roles: string[];
}

export interface Session {
  token: string;
  refreshToken: string;
  user: SessionUser;
}

const KEY = 'his.session';

export function readSession(): Session | null {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export function writeSession(s: Session | null): void {
  if (s) localStorage.setItem(KEY, JSON.stringify({ token: s.token, refreshToken: s.refreshToken, user: s.user }));
  else localStorage.removeItem(KEY);
}
