import type { Sequelize } from 'sequelize';
import { DataTypes, defineModel } from '../../../server/db/model.js';

export function defineProviderScheduleModel(sequelize: Sequelize) {
  return defineModel(sequelize, 'ProviderSchedule', 'provider_schedules', {
    clinicId: { type: DataTypes.UUID, allowNull: false },
    providerId: { type: DataTypes.UUID, allowNull: false },
    weekday: { type: DataTypes.INTEGER, allowNull: false },
    startTime: { type: DataTypes.TIME, allowNull: false },
    endTime: { type: DataTypes.TIME, allowNull: false },
    slotMinutes: { type: DataTypes.INTEGER, allowNull: false },
    active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
  });
}
