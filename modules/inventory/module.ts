/**
 * Inventory shared by the laboratory, radiology and the pharmacy: items, locations, batches
 * (lot + expiry) and the append-only ledger of movements, the only way a quantity changes.
 * Other modules change stock only through the steps in workflows.ts (service 'inventory').
 * Count corrections above a value (rules/stock-adjustment-approval.json) wait for the facility
 * head's approval (adjustments.ts).
 */
import { defineModule } from '../../server/host/types.js';
import { ADJUSTMENT_EVENT, ADJUSTMENT_FACTS, adjustmentsOf } from './adjustments.js';
import { grants } from './grants.js';
import { kpis } from './kpis.js';
import { defineStockAdjustment } from './models/stock-adjustment.model.js';
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
  models: ({ sequelize }) => ({ ...defineStockModels(sequelize), StockAdjustment: defineStockAdjustment(sequelize) }),
  grants,
  resources: inventoryResources,
  kpis,
  seeds: { base: seedInventoryBase, demo: seedDemoStock },
  async bootstrap(ctx) {
    ctx.services.provide('inventory', inventoryService(ctx.sequelize));
    ctx.services.events.declare({ name: ADJUSTMENT_EVENT, facts: ADJUSTMENT_FACTS, description: 'Someone corrects the stock count of a batch (value: |quantity| x unit cost, minor units)' });
    adjustmentsOf(ctx).registerApprovals();
  },
});
