import { describe, expect, it } from 'vitest';
import { groupMenu, type MenuEntry } from './menuGroups.js';

const entry = (key: string, menu: string): MenuEntry => ({ key, kind: 'resource', menu });
const self = (e: MenuEntry) => e.key;

describe('the side menu', () => {
  const entries = [entry('users', 'Administration'), entry('patients', 'Registration'), entry('patient-allergies', 'Registration'), entry('invoices', 'Billing')];

  it('lists only what the role may read, grouped by department', () => {
    const cashier = { permissions: { patients: { read: 'any' as const }, invoices: { read: 'any' as const, create: 'any' as const } } };
    expect(groupMenu(entries, cashier, self)).toEqual([
      { menu: 'Billing', entries: [entry('invoices', 'Billing')] },
      { menu: 'Registration', entries: [entry('patients', 'Registration')] },
    ]);
  });

  it('puts Administration last and shows nothing without permissions', () => {
    const all = Object.fromEntries(entries.map((e) => [e.key, { read: 'any' as const }]));
    expect(groupMenu(entries, { permissions: all }, self).map((g) => g.menu)).toEqual(['Billing', 'Registration', 'Administration']);
    expect(groupMenu(entries, undefined, self)).toEqual([]);
  });
});
