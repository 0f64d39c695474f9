import type { Sequelize } from 'sequelize';
import { DataTypes, defineModel } from '../../../server/db/model.js';

export function defineClinicModel(sequelize: Sequelize) {
  return defineModel(sequelize, 'Clinic', 'clinics', {
    code: { type: DataTypes.TEXT, allowNull: false },
    name: { type: DataTypes.TEXT, allowNull: false },
    department: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'outpatient' },
    tokenPrefix: { type: DataTypes.TEXT, allowNull: false },
    timeZone: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'UTC' },
    opensAt: { type: DataTypes.TIME, allowNull: false, defaultValue: '08:00' },
    closesAt: { type: DataTypes.TIME, allowNull: false, defaultValue: '17:00' },
    openDays: { type: DataTypes.ARRAY(DataTypes.INTEGER), allowNull: false, defaultValue: [1, 2, 3, 4, 5] },
    active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
  });
}
