import { Op, QueryTypes } from 'sequelize';
import type { ModuleContext } from '../../../server/host/types.js';
import type { ResourceDefinition, Row } from '../../../server/http/resource.js';
import { Invalid } from '../../../server/http/errors.js';
import { panelSchema, testSchema } from '../validation.js';
import { contains } from '../../../server/http/query.js';

export function catalogueResources({ models, sequelize }: ModuleContext): ResourceDefinition[] {
  const { LabTest, LabPanel } = models;

  /** Reagents must name stocked items, or result entry would fail later. */
  async function checkReagents(data: Row) {
    const codes = ((data.reagents ?? []) as { itemCode: string }[]).map((r) => r.itemCode);
    if (!codes.length) return data;
    const found = await sequelize.query<{ code: string }>(`SELECT code FROM stock_items WHERE code IN (:codes)`, { type: QueryTypes.SELECT, replacements: { codes } });
    const missing = codes.filter((c) => !found.some((f) => f.code === c));
    if (missing.length) throw new Invalid(`Unknown stock items: ${missing.join(', ')}`, { reagents: `unknown stock item ${missing.join(', ')}` });
    return data;
  }

  async function checkTests(data: Row) {
    if (!data.testIds) return data;
    const n = await LabTest.count({ where: { id: data.testIds } });
    if (n !== new Set(data.testIds).size) throw new Invalid('Unknown test in the panel', { testIds: 'unknown test' });
    return data;
  }

  const tests: ResourceDefinition = {
    name: 'lab-tests',
    label: 'Lab tests',
    model: LabTest,
    createSchema: testSchema,
    sortable: ['id', 'code', 'name', 'section', 'turnaroundMinutes'],
    defaultSort: ['name', 'ASC'],
    filters: { section: 'eq', specimenType: 'eq', resultType: 'eq', active: 'eq', code: 'eq' },
    search: (q) => ({ [Op.or]: [{ name: contains(q) }, { code: contains(q) }, { loinc: q }] }),
    operations: { delete: false },
    beforeCreate: (_ctx, data) => checkReagents(data),
    beforeUpdate: (_ctx, _record, data) => checkReagents(data),
  };

  const panels: ResourceDefinition = {
    name: 'lab-panels',
    label: 'Lab panels',
    model: LabPanel,
    createSchema: panelSchema,
    sortable: ['id', 'code', 'name'],
    defaultSort: ['name', 'ASC'],
    filters: { active: 'eq', code: 'eq' },
    search: (q) => ({ [Op.or]: [{ name: contains(q) }, { code: contains(q) }] }),
    operations: { delete: false },
    beforeCreate: (_ctx, data) => checkTests(data),
    beforeUpdate: (_ctx, _record, data) => checkTests(data),
    async detail(_ctx, row) {
      const tests = await LabTest.findAll({ where: { id: row.testIds }, attributes: ['id', 'code', 'name', 'unit', 'specimenType'], raw: true });
      return { ...row, tests: row.testIds.map((id: string) => tests.find((t: Row) => t.id === id)).filter(Boolean) };
    },
  };
  return [tests, panels];
}
