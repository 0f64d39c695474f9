/**
 * The plain reads give what Sequelize's findAll and count give (attribute names mapped to
 * columns in the select list, the where clause and the order), join an open transaction,
 * fail as sequelize.query fails, and a model that gains a find hook is no longer read plainly.
 */
import { DatabaseError, Op, Sequelize } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../tests/support/harness.js';
import { countRows, param, plainQuery, preparedSelect, readsPlainly, selectRows } from './select.js';

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

  it('written once with $n placeholders, give for each call the rows of its values', async () => {
    const { Patient } = server.host.models;
    const attributes = Object.keys(Patient.getAttributes());
    const bySexBornBefore = preparedSelect(Patient, { where: { sex: param(1), birthDate: { [Op.lt]: Sequelize.literal('$2') } }, order: [['id', 'ASC']], limit: 5, attributes });
    for (const [sex, before] of [['female', '1990-01-01'], ['male', '2000-06-30']]) {
      const rows = await bySexBornBefore([sex, before]);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows).toEqual(await Patient.findAll({ where: { sex, birthDate: { [Op.lt]: before } }, order: [['id', 'ASC']], limit: 5, attributes, raw: true }));
    }
  });

  it('see the rows of the transaction they run in, and only there until it commits', async () => {
    const { Patient } = server.host.models;
    const sequelize = Patient.sequelize!;
    const where = { familyName: 'Plainread' };
    const t = await sequelize.transaction();
    try {
      // A managed transaction is the one the CLS namespace carries; run inside it.
      await sequelize.transaction({ transaction: t }, async () => {
        await Patient.create({ givenName: 'Ama', familyName: 'Plainread', sex: 'female', birthDate: '1990-01-01' });
        expect(await countRows(Patient, where)).toBe(1);
        const byFamily = preparedSelect(Patient, { where: { familyName: param(1) }, attributes: ['givenName'] });
        expect(await byFamily(['Plainread'])).toEqual([{ givenName: 'Ama' }]);
      });
      expect(await countRows(Patient, where)).toBe(0);
    } finally {
      await t.rollback();
    }
    expect(await countRows(Patient, where)).toBe(0);
  });

  it('fail with the DatabaseError sequelize.query gives, naming the statement, and release their connection', async () => {
    const { sequelize } = server.host.db;
    const error = await plainQuery(sequelize, 'SELECT * FROM no_such_table WHERE id = $1', [1]).catch((e) => e);
    expect(error).toBeInstanceOf(DatabaseError);
    expect(error.message).toMatch(/no_such_table/);
    expect(error.sql).toContain('no_such_table');
    // More failures than the pool has connections, and the pool still answers at once.
    const max = (sequelize as unknown as { connectionManager: { pool: { maxSize: number } } }).connectionManager.pool.maxSize;
    for (let i = 0; i < max; i++) await plainQuery(sequelize, 'SELECT * FROM no_such_table').catch(() => undefined);
    const answers = await Promise.all(Array.from({ length: max }, (_, i) => plainQuery(sequelize, 'SELECT $1::int AS n', [i])));
    expect(answers.map(([r]) => r.n)).toEqual(Array.from({ length: max }, (_, i) => i));
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
