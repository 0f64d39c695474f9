import type { Sequelize } from 'sequelize';
import { DataTypes, defineModel } from '../../../server/db/model.js';

/** Payments and refunds (negative amounts): append-only, each with its receipt number. */
export function definePayment(sequelize: Sequelize) {
  return defineModel(sequelize, 'Payment', 'payments', {
    receiptNumber: { type: DataTypes.TEXT, allowNull: false },
    invoiceId: { type: DataTypes.UUID, allowNull: false },
    patientId: { type: DataTypes.UUID, allowNull: false },
    kind: { type: DataTypes.TEXT, allowNull: false },
    amount: { type: DataTypes.INTEGER, allowNull: false },
    method: { type: DataTypes.TEXT, allowNull: false },
    reference: { type: DataTypes.TEXT },
    reason: { type: DataTypes.TEXT },
    refundOf: { type: DataTypes.UUID },
    cashSessionId: { type: DataTypes.UUID },
    receivedBy: { type: DataTypes.UUID, allowNull: false },
    receivedAt: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
  });
}
