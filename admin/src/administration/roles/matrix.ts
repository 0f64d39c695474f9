/** Roles x resources: which actions each role has on each resource. Pure, unit-tested. */
export interface RoleGrant {
  resource: string;
  action: string;
  possession?: 'any' | 'own';
}

export interface RoleRow {
  id: string;
  label: string;
  grants: RoleGrant[];
}

export interface Matrix {
  roles: { id: string; label: string }[];
  resources: string[];
  /** `cells[resource][role]`: actions, `own` ones suffixed with " (own)", in a stable order. */
  cells: Record<string, Record<string, string[]>>;
}

const ORDER = ['read', 'create', 'update', 'delete', 'export'];
const rank = (a: string) => {
  const i = ORDER.indexOf(a.replace(/ \(own\)$/, ''));
  return i < 0 ? ORDER.length : i;
};

export function permissionMatrix(roles: RoleRow[]): Matrix {
  const cells: Matrix['cells'] = {};
  for (const role of roles) {
    for (const g of role.grants ?? []) {
      const label = g.possession === 'own' ? `${g.action} (own)` : g.action;
      const byRole = (cells[g.resource] ??= {});
      const list = (byRole[role.id] ??= []);
      if (!list.includes(label)) list.push(label);
    }
  }
  for (const byRole of Object.values(cells)) for (const list of Object.values(byRole)) list.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return { roles: roles.map((r) => ({ id: r.id, label: r.label })), resources: Object.keys(cells).sort(), cells };
}
