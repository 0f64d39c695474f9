import { describe, expect, it } from 'vitest';
import { permissionMatrix } from './matrix.js';

describe('the roles-and-permissions matrix', () => {
  it('shows each role’s actions per resource, read first and own grants marked', () => {
    const m = permissionMatrix([
      { id: 'physician', label: 'Physician', grants: [{ resource: 'patients', action: 'update' }, { resource: 'patients', action: 'read' }, { resource: 'soap-notes', action: 'update', possession: 'own' }] },
      { id: 'cashier', label: 'Cashier', grants: [{ resource: 'patients', action: 'read' }] },
    ]);
    expect(m.resources).toEqual(['patients', 'soap-notes']);
    expect(m.cells.patients).toEqual({ physician: ['read', 'update'], cashier: ['read'] });
    expect(m.cells['soap-notes']).toEqual({ physician: ['update (own)'] });
    expect(m.roles.map((r) => r.id)).toEqual(['physician', 'cashier']);
  });
});
