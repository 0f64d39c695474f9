/**
 * AccessControl built once at boot from the grants every module contributes; each request's
 * check runs in memory.
 */
import { AccessControl } from 'accesscontrol';
import type { GrantRow, Possession } from './grants.js';
import type { RoleDefinition } from '../host/types.js';

export interface Permission {
  granted: boolean;
  possession?: Possession;
  attributes: string[];
  filter<T>(data: T): T;
}

const DENIED: Permission = { granted: false, attributes: [], filter: () => undefined as never };

const FLAT_GLOB = /^!?(\*|[A-Za-z_$][\w$]*)$/;

/**
 * The attribute filter of a grant. Grants name top-level fields (`*`, `!allergies`, `mrn`), so
 * the filter is a key lookup decided once per grant; a nested glob (`a.b`, `a*`) falls back to
 * AccessControl's own deep filter. Either way the result is a new object.
 */
function attributeFilter(attributes: string[], deep: (data: unknown) => unknown): <T>(data: T) => T {
  if (!attributes.every((a) => FLAT_GLOB.test(a))) return deep as never;
  const allowAll = attributes.includes('*');
  const allowed = new Set(attributes.filter((a) => !a.startsWith('!') && a !== '*'));
  const denied = new Set(attributes.filter((a) => a.startsWith('!')).map((a) => a.slice(1)));
  const one = (row: Record<string, unknown>) => {
    if (row === null || typeof row !== 'object') return row;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(row)) if ((allowAll || allowed.has(k)) && !denied.has(k)) out[k] = row[k];
    return out;
  };
  return ((data: unknown) => (Array.isArray(data) ? data.map(one) : one(data as Record<string, unknown>))) as never;
}

export class Access {
  readonly ac: AccessControl;
  readonly roles: RoleDefinition[];
  readonly grants: GrantRow[];
  /** Answers of `can`: the grants are locked at boot, so each question is worked out once. */
  private answers = new Map<string, Permission>();

  constructor(roles: RoleDefinition[], grants: GrantRow[]) {
    const roleNames = new Set(roles.map((r) => r.name));
    for (const g of grants) {
      if (!roleNames.has(g.role)) throw new Error(`A grant names role "${g.role}", which no module defines (resource ${g.resource}, action ${g.action})`);
    }
    this.roles = roles;
    this.grants = grants;
    this.ac = new AccessControl(
      grants.map((g) => ({
        role: g.role,
        resource: g.resource,
        action: `${g.action}:${g.possession ?? 'any'}`,
        attributes: g.attributes ?? ['*'],
      })),
    );
    this.ac.setup({ roles: roles.map((r) => r.name) });
    this.ac.lock();
  }

  /** `any` wins over `own`; an unknown role or a thrown check is a denial. */
  can(roles: string[], action: string, resource: string): Permission {
    const key = `${roles.join(',')}\u0000${action}\u0000${resource}`;
    let answer = this.answers.get(key);
    if (!answer) {
      answer = this.decide(roles, action, resource);
      if (this.answers.size < 10_000) this.answers.set(key, answer);
    }
    return answer;
  }

  private decide(roles: string[], action: string, resource: string): Permission {
    const known = roles.filter((r) => this.ac.hasRole(r));
    if (!known.length) return DENIED;
    for (const possession of ['any', 'own'] as const) {
      try {
        const q = this.ac.tryCan(known);
        const p = q?.do(`${action}:${possession}`, resource);
        if (p?.granted) {
          return { granted: true, possession, attributes: p.attributes, filter: attributeFilter(p.attributes, (d) => p.filter(d as any)) };
        }
      } catch {
        return DENIED;
      }
    }
    return DENIED;
  }

  /** Actions each role holds on each resource, for /api/auth/me and the roles resource. */
  permissionsOf(roles: string[]): Record<string, Record<string, Possession>> {
    const out: Record<string, Record<string, Possession>> = {};
    for (const g of this.grants) {
      if (!roles.includes(g.role)) continue;
      const r = (out[g.resource] ??= {});
      if (r[g.action] !== 'any') r[g.action] = g.possession ?? 'any';
    }
    return out;
  }
}
