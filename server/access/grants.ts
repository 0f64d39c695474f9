/**
 * Grants are data: one row per role x resource x action. The seed's permission words map onto
 * actions: view=read, create, edit=update, delete, approve, export, admin.
 */
export type Possession = 'any' | 'own';

export interface GrantRow {
  role: string;
  resource: string;
  /** read, create, update, delete, approve, export, admin, or a custom action (sign, verify, ...). */
  action: string;
  possession?: Possession;
  /** Glob attributes (`['*', '!allergies']`); default all. */
  attributes?: string[];
}

export const PERMISSION_WORDS: Record<string, string> = {
  view: 'read',
  create: 'create',
  edit: 'update',
  delete: 'delete',
  approve: 'approve',
  export: 'export',
  admin: 'admin',
};

/** Grants `actions` (permission words or action names) on each of `resources` to each of `roles`. */
export function grant(
  roles: string | string[],
  resources: string | string[],
  actions: string[],
  opts: { possession?: Possession; attributes?: string[] } = {},
): GrantRow[] {
  const rs = Array.isArray(roles) ? roles : [roles];
  const res = Array.isArray(resources) ? resources : [resources];
  return rs.flatMap((role) =>
    res.flatMap((resource) => actions.map((a) => ({ role, resource, action: PERMISSION_WORDS[a] ?? a, ...opts }))),
  );
}

export const CRUD = ['read', 'create', 'update', 'delete'];
export const ALL = ['read', 'create', 'update', 'delete', 'export'];
