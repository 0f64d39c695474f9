import type { Sequelize } from 'sequelize';
import { DataTypes, defineModel } from '../../../server/db/model.js';

/** A cashier's till from opening float to counted cash. */
export function defineCashSession(sequelize: Sequelize) {
  return defineModel(sequelize, 'CashSession', 'cash_sessions', {
    cashierId: { type: DataTypes.UUID, allowNull: false },
    status: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'open' },
    openedAt: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
    openingFloat: { type: DataTypes.INTEGER, allowNull: false },
    closedAt: { type: DataTypes.DATE },
    expectedCash: { type: DataTypes.INTEGER },
    countedCash: { type: DataTypes.INTEGER },
    difference: { type: DataTypes.INTEGER },
    closeNote: { type: DataTypes.TEXT },
    approvedBy: { type: DataTypes.UUID },
    approvedAt: { type: DataTypes.DATE },
    approvalNote: { type: DataTypes.TEXT },
  });
}
