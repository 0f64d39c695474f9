/**
 * The attribute filter decided once per grant must give exactly what AccessControl's own deep
 * filter gives, for every kind of attribute list the modules use, and for a user holding
 * several roles (the union of their grants).
 */
import { describe, expect, it } from 'vitest';
import { Access } from './access-control.js';
import { grant } from './grants.js';

const roles = ['clerk', 'cashier', 'survey', 'auditor', 'nested'].map((name) => ({ name, label: name }));
const access = new Access(roles, [
  ...grant('clerk', 'patients', ['read']),
  ...grant('cashier', 'patients', ['read'], { attributes: ['*', '!allergies', '!bloodGroup'] }),
  ...grant('survey', 'patients', ['read'], { attributes: ['id', 'mrn', 'givenName', 'phone'] }),
  ...grant('auditor', 'patients', ['read'], { attributes: ['*', '!*'] }),
  ...grant('nested', 'patients', ['read'], { attributes: ['*', '!nextOfKin.phone'] }),
]);

const patient = {
  id: 'p1',
  mrn: 'PHC00000017',
  givenName: 'Grace',
  familyName: 'Okafor',
  phone: '+234 801 234 5678',
  bloodGroup: 'O+',
  allergies: [{ substance: 'Penicillin', severity: 'severe' }],
  nextOfKin: { name: 'John', phone: '+234 802 000 0000' },
  birthDate: '1980-01-01',
  version: 3,
};

const deep = (who: string[]) => access.ac.can(who).readAny('patients').filter(structuredClone(patient));

describe('attribute filter', () => {
  for (const who of [['clerk'], ['cashier'], ['survey'], ['nested'], ['cashier', 'survey'], ['survey', 'clerk'], ['nested', 'survey']]) {
    it(`gives what AccessControl gives for ${who.join(' + ')}`, () => {
      expect(access.can(who, 'read', 'patients').filter(structuredClone(patient))).toEqual(deep(who));
    });
  }

  it('removes what the grant excludes and keeps nothing else of a field list', () => {
    const cashier = access.can(['cashier'], 'read', 'patients').filter(patient) as Record<string, unknown>;
    expect(cashier).not.toHaveProperty('allergies');
    expect(cashier).not.toHaveProperty('bloodGroup');
    expect(cashier.familyName).toBe('Okafor');
    expect(Object.keys(access.can(['survey'], 'read', 'patients').filter(patient) as object).sort()).toEqual(['givenName', 'id', 'mrn', 'phone']);
    // Every field excluded: AccessControl counts that as no grant at all.
    expect(access.can(['auditor'], 'read', 'patients').granted).toBe(false);
  });

  it('filters every row of a list and answers the same permission each time', () => {
    const first = access.can(['cashier'], 'read', 'patients');
    expect(access.can(['cashier'], 'read', 'patients')).toBe(first);
    expect((first.filter([patient, patient]) as object[]).every((r) => !('allergies' in r))).toBe(true);
    expect(access.can(['cashier'], 'update', 'patients').granted).toBe(false);
    expect(access.can(['nobody'], 'read', 'patients').granted).toBe(false);
  });
});
