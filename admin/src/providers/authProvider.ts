/**
 * Sign-in, sign-out and what the signed-in user may do. Permissions come from
 * `GET /api/auth/me` once per session; `canAccess` answers from them, so buttons and menus
 * never call the API to decide. The API still checks every request.
 */
import type { AuthProvider } from 'react-admin';
import { signIn } from '../signin/signIn.js';
import { fetchJson } from './http.js';
import { readSession, writeSession, type SessionUser } from './session.js';

export type Possession = 'any' | 'own';

export interface Me {
  user: SessionUser;
  roles: string[];
  permissions: Record<string, Record<string, Possession>>;
  resources: { name: string; menu: string; label: string }[];
}

/** Pages open to every signed-in user, whatever their grants. */
const OPEN_RESOURCES = new Set(['dashboard', 'profile']);

let me: Promise<Me> | null = null;

export function loadMe(): Promise<Me> {
  me ??= fetchJson('/api/auth/me').then(({ json }) => json as Me).catch((err) => {
    me = null;
    throw err;
  });
  return me;
}

export function allows(permissions: Me['permissions'] | undefined, resource: string, action: string): boolean {
  if (OPEN_RESOURCES.has(resource)) return true;
  const granted = permissions?.[resource];
  if (!granted) return false;
  // react-admin asks for "list"; the API grants "read" for lists and records alike.
  const wanted = action === 'list' || action === 'show' ? 'read' : action === 'edit' ? 'update' : action;
  return Boolean(granted[wanted]);
}

export const authProvider: AuthProvider = {
  async login({ email, username, password }: { email?: string; username?: string; password: string }) {
    me = null;
    await signIn(email ?? username ?? '', password);
  },
  async logout() {
    const session = readSession();
    writeSession(null);
    me = null;
    // Revokes the refresh token server-side; a failure must not keep the user signed in here.
    if (session?.refreshToken) {
      await fetch('/api/auth/logout', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken: session.refreshToken }),
      }).catch(() => undefined);
    }
  },
  async checkAuth() {
    if (!readSession()) throw new Error('Sign in to continue');
  },
  async checkError(error: { status?: number }) {
    // 403 is a refusal of one action, not the end of the session.
    if (error?.status === 401) {
      writeSession(null);
      me = null;
      throw new Error('Your session has ended; sign in again');
    }
  },
  async getIdentity() {
    const session = readSession();
    if (!session) throw new Error('Sign in to continue');
    return { id: session.user.id, fullName: session.user.name, email: session.user.email, roles: session.user.roles };
  },
  async getPermissions() {
    if (!readSession()) throw new Error('Sign in to continue');
    return loadMe();
  },
  async canAccess({ resource, action }) {
    if (!readSession()) return false;
    const { permissions } = await loadMe();
    return allows(permissions, resource, action);
  },
};
