import type { KpiDefinition } from '../../server/host/types.js';
import { belowReorderLevel, expiringBatches, stockValue } from './reports.js';

export const kpis: KpiDefinition[] = [
  {
    id: 'inventory-below-reorder',
    label: 'Items at or below reorder level',
    resource: 'stock-items',
    async compute({ sequelize }) {
      const items = await belowReorderLevel(sequelize);
      return { count: items.length, items: items.slice(0, 10) };
    },
  },
  {
    id: 'inventory-expiring',
    label: 'Batches expiring within 30 days (?days=N)',
    resource: 'stock-batches',
    async compute({ sequelize }, query) {
      const days = Math.min(Math.max(Number.parseInt(query.days ?? '30', 10) || 30, 0), 3650);
      const batches = await expiringBatches(sequelize, days);
      return { days, count: batches.length, batches: batches.slice(0, 10) };
    },
  },
  {
    id: 'inventory-stock-value',
    label: 'Stock value on hand',
    resource: 'stock-batches',
    compute: ({ sequelize }) => stockValue(sequelize),
  },
];
