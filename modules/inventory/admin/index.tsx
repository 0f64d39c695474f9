/** Stock screens: items, locations, batches, the movement ledger, adjustments, goods received and alerts. */
import MoveToInboxIcon from '@mui/icons-material/MoveToInbox';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import { defineAdminModule } from '../../../admin/contract.js';
import { stockAdjustments } from './adjustments.js';
import { stockBatches, stockMovements } from './batches.js';
import { stockItems, stockLocations } from './items.js';
import { Receipt } from './Receipt.js';
import { StockAlerts } from './StockAlerts.js';
import { ReorderAlerts, StockValue } from './widgets.js';

export default defineAdminModule({
  resources: [stockItems, stockLocations, stockBatches, stockMovements, stockAdjustments],
  routes: [
    { path: '/stock-receipts', component: Receipt, resource: 'stock-batches', menuLabel: 'Goods received', icon: MoveToInboxIcon },
    { path: '/stock-alerts', component: StockAlerts, resource: 'stock-batches', menuLabel: 'Stock alerts', icon: WarningAmberIcon },
  ],
  widgets: [
    { id: 'inventory-stock-value', resource: 'stock-batches', component: StockValue, width: 3 },
    { id: 'inventory-reorder', resource: 'stock-items', component: ReorderAlerts, width: 3 },
  ],
  messages: {
    en: { resources: { 'stock-items': { name: 'Stock item |||| Stock items' }, 'stock-locations': { name: 'Location |||| Locations' }, 'stock-batches': { name: 'Batch |||| Batches' }, 'stock-movements': { name: 'Movement |||| Movements' }, 'stock-adjustments': { name: 'Stock adjustment |||| Stock adjustments' } } },
    fr: { resources: { 'stock-items': { name: 'Article |||| Articles' }, 'stock-locations': { name: 'Emplacement |||| Emplacements' }, 'stock-batches': { name: 'Lot |||| Lots' }, 'stock-movements': { name: 'Mouvement |||| Mouvements' }, 'stock-adjustments': { name: 'Ajustement de stock |||| Ajustements de stock' } } },
  },
});
