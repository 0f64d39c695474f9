import type { ModuleContext } from '../../../server/host/types.js';
import type { InventoryService } from '../../inventory/workflows.js';
import { FORMULARY } from './formulary.js';

const DISPENSARY = 'DISP';
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** Reorder level and unit cost (minor units) by the unit a drug is dispensed in. */
const BY_UNIT: Record<string, { reorderLevel: number; unitCost: number }> = {
  tablet: { reorderLevel: 300, unitCost: 4 },
  capsule: { reorderLevel: 300, unitCost: 6 },
  sachet: { reorderLevel: 100, unitCost: 10 },
  ampoule: { reorderLevel: 30, unitCost: 50 },
  vial: { reorderLevel: 20, unitCost: 150 },
  inhaler: { reorderLevel: 10, unitCost: 250 },
};

/**
 * Dispensary stock for the formulary, so the pharmacy works on first start: each drug stocked
 * as an inventory item (through inventory's step, linked to the drug), a lot at the dispensary,
 * and for the reports a few lots expiring within three weeks, a few items below their reorder
 * level and a few lots that expired on the shelf. A drug whose stock item already existed
 * (inventory's demo stocks some) keeps its stock, so running this again adds nothing.
 */
export async function seedDemoDispensary({ models, sequelize, services }: ModuleContext, progress: (done: number, total: number) => void) {
  const inventory = services.get<InventoryService>('inventory');
  const { Drug } = models;
  for (const [n, drug] of FORMULARY.entries()) {
    await sequelize.transaction(async () => {
      const { reorderLevel, unitCost } = BY_UNIT[drug.dispenseUnit] ?? BY_UNIT.tablet;
      const item = await inventory.ensureItem({ code: drug.priceCode, name: `${drug.genericName} ${drug.strength} ${drug.form}`, unit: drug.dispenseUnit, category: 'Medicine', reorderLevel });
      await Drug.update({ stockItemId: item.id }, { where: { priceCode: drug.priceCode, stockItemId: null } });
      if (!item.created) return;
      const lot = (prefix: string, expiryDate: string, quantity: number) =>
        inventory.receiveStock({ itemId: item.id, locationCode: DISPENSARY, lotNumber: `${prefix}${24500 + n}`, expiryDate, quantity, unitCost, reason: 'Demo opening stock' });
      const belowReorder = n % 8 === 3;
      await lot('D', inDays(300 + n * 5), belowReorder ? Math.floor(reorderLevel / 3) : reorderLevel * 2);
      if (n % 7 === 1) await lot('S', inDays(6 + (n % 3) * 6), Math.ceil(reorderLevel / 4));
      // Receipts refuse expired goods; the step takes them, as stock that expired on the shelf.
      if (n % 14 === 5) await lot('X', inDays(-12), 15);
    });
    progress(n + 1, FORMULARY.length);
  }
}
