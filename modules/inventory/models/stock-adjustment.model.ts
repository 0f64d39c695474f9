import type { Sequelize } from 'sequelize';
import { DataTypes, defineModel } from '../../../server/db/model.js';

/** A count correction asked for through the API (see migrations/002 and adjustments.ts). */
export function defineStockAdjustment(sequelize: Sequelize) {
  return defineModel(sequelize, 'StockAdjustment', 'stock_adjustments', {
    batchId: { type: DataTypes.UUID, allowNull: false },
    itemId: { type: DataTypes.UUID, allowNull: false },
    locationId: { type: DataTypes.UUID, allowNull: false },
    quantity: { type: DataTypes.INTEGER, allowNull: false },
    unitCost: { type: DataTypes.INTEGER, allowNull: false },
    // bigint: PostgreSQL hands it over as text; the resource serializes it as a number.
    value: { type: DataTypes.BIGINT, allowNull: false },
    reason: { type: DataTypes.TEXT, allowNull: false },
    status: { type: DataTypes.TEXT, allowNull: false },
    requestedBy: { type: DataTypes.UUID },
    requestedAt: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
    ruleSet: { type: DataTypes.TEXT },
    decidedBy: { type: DataTypes.UUID },
    decidedAt: { type: DataTypes.DATE },
    decisionComment: { type: DataTypes.TEXT },
    movementId: { type: DataTypes.UUID },
    appliedAt: { type: DataTypes.DATE },
  });
}
