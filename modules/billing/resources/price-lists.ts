import { Op } from 'sequelize';
import type { ModuleContext } from '../../../server/host/types.js';
import type { ResourceDefinition } from '../../../server/http/resource.js';
import { Conflict } from '../../../server/http/errors.js';
import { priceListSchema, priceListUpdateSchema } from '../validation.js';
import type { z } from 'zod';
import { contains } from '../../../server/http/query.js';

/** The tariff. Prices are never deleted: an item leaves the tariff by its end date. */
export function priceListResource({ models, config }: ModuleContext): ResourceDefinition {
  const { PriceList } = models;
  return {
    name: 'price-lists',
    label: 'Tariff',
    model: PriceList,
    createSchema: priceListSchema as unknown as z.ZodObject<any>,
    updateSchema: priceListUpdateSchema,
    sortable: ['code', 'description', 'department', 'category', 'unitPrice', 'activeFrom', 'createdAt', 'updatedAt'],
    defaultSort: ['code', 'ASC'],
    filters: { department: 'eq', category: 'eq', code: 'eq', activeFrom: 'range', activeTo: 'range' },
    search: (q) => ({ [Op.or]: [{ code: contains(q) }, { description: contains(q) }] }),
    operations: { delete: false },
    async beforeCreate(_ctx, data) {
      if (await PriceList.findOne({ where: { code: data.code } })) throw new Conflict(`Price code ${data.code} is already in the tariff`, {}, { code: 'is already in the tariff' });
      return { activeFrom: new Date().toISOString().slice(0, 10), ...data, currency: config.currency };
    },
    beforeUpdate(_ctx, record, data) {
      const from = data.activeFrom ?? record.get('activeFrom');
      const to = data.activeTo === undefined ? record.get('activeTo') : data.activeTo;
      if (to && to < from) throw new Conflict('The end date is before the start date', {}, { activeTo: 'must be on or after the start' });
      return data;
    },
  };
}
