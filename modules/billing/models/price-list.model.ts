import type { Sequelize } from 'sequelize';
import { DataTypes, defineModel } from '../../../server/db/model.js';

/** The facility's tariff: one row per price code, money in integer minor units. */
export function definePriceList(sequelize: Sequelize) {
  return defineModel(sequelize, 'PriceList', 'price_lists', {
    code: { type: DataTypes.TEXT, allowNull: false },
    description: { type: DataTypes.TEXT, allowNull: false },
    department: { type: DataTypes.TEXT, allowNull: false },
    category: { type: DataTypes.TEXT, allowNull: false },
    unitPrice: { type: DataTypes.INTEGER, allowNull: false },
    currency: { type: DataTypes.TEXT, allowNull: false },
    /** Price per payer code where an insurer negotiated its own: `{ "NHIF": 1800 }`. */
    payerPrices: { type: DataTypes.JSONB, allowNull: false, defaultValue: {} },
    activeFrom: { type: DataTypes.DATEONLY, allowNull: false },
    activeTo: { type: DataTypes.DATEONLY },
  });
}
