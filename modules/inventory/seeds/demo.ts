import type { ModuleContext } from '../../../server/host/types.js';
import { issueStock, receiveStock } from '../workflows.js';
import { ITEMS } from './catalogue.js';

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** A few receipts per item (one lot near expiry, one expired reagent lot), and a little use. */
export async function seedDemoStock({ sequelize }: ModuleContext, progress: (d: number, t: number) => void) {
  let done = 0;
  for (const [n, item] of ITEMS.entries()) {
    await sequelize.transaction(async () => {
      const location = item.category.startsWith('Medicine') ? 'DISP' : item.category.startsWith('Radiology') ? 'RAD' : 'LAB';
      const unitCost = 20 + n * 15;
      await receiveStock(sequelize, { itemCode: item.code, locationCode: 'MAIN', lotNumber: `L${24100 + n}`, expiryDate: inDays(400), quantity: item.reorderLevel * 3, unitCost });
      await receiveStock(sequelize, { itemCode: item.code, locationCode: location, lotNumber: `L${23900 + n}`, expiryDate: inDays(20 + n), quantity: item.reorderLevel, unitCost });
      await receiveStock(sequelize, { itemCode: item.code, locationCode: location, lotNumber: `L${24200 + n}`, expiryDate: inDays(300), quantity: item.reorderLevel * 2, unitCost });
      if (n % 6 === 0) {
        // Lots that expired on the shelf, for the expiry alerts and write-offs (the API refuses expired receipts).
        await receiveStock(sequelize, { itemCode: item.code, locationCode: location, lotNumber: `L${23000 + n}`, expiryDate: inDays(-10), quantity: 10, unitCost });
      }
      await issueStock(sequelize, { itemCode: item.code, locationCode: location, quantity: Math.ceil(item.reorderLevel / 4), reason: 'Daily use', kind: 'consumption' });
    });
    progress(++done, ITEMS.length);
  }
}
