/**
 * The plain reads give what Sequelize's findAll and count give (attribute names mapped to
 * columns in the select list, the where clause and the order), and a model that gains a find
 * hook is no longer read plainly.
 */
import { Op } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../tests/support/harness.js';
import { countRows, readsPlainly, selectRows } from './select.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ only: ['patients'] });
});
afterAll(() => server.close());

describe('plain reads', () => {
  it('return the rows and totals findAll and count return', async () => {
    const { Patient } = server.host.models;
    const attributes = Object.keys(Patient.getAttributes());
    const where = { [Op.and]: [{ status: 'active' }, { familyName: { [Op.iLike]: '%a%' } }, { birthDate: { [Op.lte]: '2000-01-01' } }] };
    const order = [['familyName', 'ASC'], ['givenName', 'DESC'], ['id', 'ASC']] as [string, string][];
    const rows = await selectRows(Patient, { where, order, limit: 20, offset: 5, attributes });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows).toEqual(await Patient.findAll({ where, order, limit: 20, offset: 5, attributes, raw: true }));
    expect(rows[0]).toHaveProperty('familyName');
    expect(await countRows(Patient, where)).toBe(await Patient.count({ where }));
    expect(await countRows(Patient, { mrn: 'no such MRN' })).toBe(0);
  });

  it('are used only while the model has no find hook', () => {
    const { Patient } = server.host.models;
    expect(readsPlainly(Patient)).toBe(true);
    Patient.addHook('beforeFind', 'probe', () => undefined);
    try {
      expect(readsPlainly(Patient)).toBe(false);
    } finally {
      Patient.removeHook('beforeFind', 'probe');
    }
    expect(readsPlainly(Patient)).toBe(true);
  });
});
