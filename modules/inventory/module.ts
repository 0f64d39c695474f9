/**
 * Inventory shared by the laboratory, radiology and the pharmacy: items, locations, batches
 * (lot + expiry) and the append-only ledger of movements, the only way a quantity changes.
 * Other modules change stock only through the steps in workflows.ts (service 'inventory').
 */
import { defineModule } from '../../server/host/types.js';
import { grants } from './grants.js';
import { kpis } from './kpis.js';
import { defineStockModels } from './models/stock.model.js';
import { inventoryResources } from './resources.js';
import { seedInventoryBase } from './seeds/base.js';
import { seedDemoStock } from './seeds/demo.js';
import { inventoryService } from './workflows.js';

export default defineModule({
  id: 'inventory',
  version: '1.0.0',
  label: 'Inventory',
  menu: 'Stores',
  models: ({ sequelize }) => defineStockModels(sequelize),
  grants,
  resources: inventoryResources,
  kpis,
  seeds: { base: seedInventoryBase, demo: seedDemoStock },
  async bootstrap({ services, sequelize }) {
    services.provide('inventory', inventoryService(sequelize));
  },
});
