import { Op } from 'sequelize';
import type { ModuleContext } from '../../../server/host/types.js';
import type { ResourceDefinition } from '../../../server/http/resource.js';
import { Conflict } from '../../../server/http/errors.js';
import { drugSchema, drugUpdateSchema, interactionSchema, interactionUpdateSchema } from '../validation.js';
import { contains, likeEscape } from '../../../server/http/query.js';

/** The formulary and the interaction table: data a pharmacist keeps, never deleted (switched off). */
export function formularyResources({ models }: ModuleContext): ResourceDefinition[] {
  const { Drug, DrugInteraction } = models;
  return [
    {
      name: 'drugs',
      label: 'Formulary',
      model: Drug,
      createSchema: drugSchema,
      updateSchema: drugUpdateSchema,
      sortable: ['genericName', 'atcCode', 'allergyClass', 'priceCode', 'createdAt'],
      defaultSort: ['genericName', 'ASC'],
      filters: { active: 'eq', controlled: 'eq', allergyClass: 'eq', route: 'eq', atcCode: 'eq', priceCode: 'eq' },
      search: (q) => ({ [Op.or]: [{ genericName: contains(q) }, { atcCode: { [Op.iLike]: `${likeEscape(q)}%` } }] }),
      operations: { delete: false },
      async beforeCreate(_ctx, data) {
        if (await Drug.findOne({ where: { priceCode: data.priceCode } })) throw new Conflict(`A drug already bills as ${data.priceCode}`, {}, { priceCode: 'is already used' });
        return data;
      },
    },
    {
      name: 'drug-interactions',
      label: 'Drug interactions',
      model: DrugInteraction,
      createSchema: interactionSchema,
      updateSchema: interactionUpdateSchema,
      sortable: ['atcA', 'atcB', 'severity', 'createdAt'],
      defaultSort: ['atcA', 'ASC'],
      filters: { severity: 'eq', atcA: 'eq', atcB: 'eq' },
      search: (q) => ({ [Op.or]: [{ labelA: contains(q) }, { labelB: contains(q) }] }),
      operations: { delete: false },
    },
  ];
}
