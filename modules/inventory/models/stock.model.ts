import type { Sequelize } from 'sequelize';
import { DataTypes, defineModel } from '../../../server/db/model.js';

export function defineStockModels(sequelize: Sequelize) {
  const StockItem = defineModel(sequelize, 'StockItem', 'stock_items', {
    code: { type: DataTypes.TEXT, allowNull: false },
    name: { type: DataTypes.TEXT, allowNull: false },
    unit: { type: DataTypes.TEXT, allowNull: false },
    category: { type: DataTypes.TEXT, allowNull: false },
    reorderLevel: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
  });
  const StockLocation = defineModel(sequelize, 'StockLocation', 'stock_locations', {
    code: { type: DataTypes.TEXT, allowNull: false },
    name: { type: DataTypes.TEXT, allowNull: false },
    kind: { type: DataTypes.TEXT, allowNull: false },
    active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
  });
  const StockBatch = defineModel(sequelize, 'StockBatch', 'stock_batches', {
    itemId: { type: DataTypes.UUID, allowNull: false },
    locationId: { type: DataTypes.UUID, allowNull: false },
    lotNumber: { type: DataTypes.TEXT, allowNull: false },
    expiryDate: { type: DataTypes.DATEONLY },
    // Changed only by the stock_movements trigger (see the migration).
    quantity: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    unitCost: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
  });
  const StockMovement = defineModel(sequelize, 'StockMovement', 'stock_movements', {
    kind: { type: DataTypes.TEXT, allowNull: false },
    batchId: { type: DataTypes.UUID, allowNull: false },
    itemId: { type: DataTypes.UUID, allowNull: false },
    locationId: { type: DataTypes.UUID, allowNull: false },
    quantity: { type: DataTypes.INTEGER, allowNull: false },
    balanceAfter: { type: DataTypes.INTEGER },
    reason: { type: DataTypes.TEXT },
    sourceResource: { type: DataTypes.TEXT },
    sourceId: { type: DataTypes.TEXT },
    relatedId: { type: DataTypes.UUID },
  });
  return { StockItem, StockLocation, StockBatch, StockMovement };
}
