import type { Sequelize } from 'sequelize';
import { DataTypes, defineModel } from '../../../server/db/model.js';

export function defineDentalModels(sequelize: Sequelize) {
  const DentalChart = defineModel(sequelize, 'DentalChart', 'dental_charts', {
    patientId: { type: DataTypes.UUID, allowNull: false },
    dentition: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'permanent' },
    findings: { type: DataTypes.JSONB, allowNull: false, defaultValue: [] },
    notes: { type: DataTypes.TEXT },
  });
  const DentalProcedure = defineModel(sequelize, 'DentalProcedure', 'dental_procedures', {
    patientId: { type: DataTypes.UUID, allowNull: false },
    encounterId: { type: DataTypes.UUID },
    tooth: { type: DataTypes.INTEGER },
    surfaces: { type: DataTypes.ARRAY(DataTypes.TEXT), allowNull: false, defaultValue: [] },
    procedureCode: { type: DataTypes.TEXT, allowNull: false },
    description: { type: DataTypes.TEXT, allowNull: false },
    priceCode: { type: DataTypes.TEXT, allowNull: false },
    status: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'planned' },
    performedAt: { type: DataTypes.DATE },
    performedBy: { type: DataTypes.UUID },
    notes: { type: DataTypes.TEXT },
  });
  return { DentalChart, DentalProcedure };
}
