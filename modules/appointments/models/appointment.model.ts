import type { Sequelize } from 'sequelize';
import { DataTypes, defineModel } from '../../../server/db/model.js';

export function defineAppointmentModel(sequelize: Sequelize) {
  return defineModel(sequelize, 'Appointment', 'appointments', {
    patientId: { type: DataTypes.UUID, allowNull: false },
    clinicId: { type: DataTypes.UUID, allowNull: false },
    providerId: { type: DataTypes.UUID, allowNull: false },
    startAt: { type: DataTypes.DATE, allowNull: false },
    endAt: { type: DataTypes.DATE, allowNull: false },
    status: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'booked' },
    reason: { type: DataTypes.TEXT },
    cancelReason: { type: DataTypes.TEXT },
    reminderSentAt: { type: DataTypes.DATE },
  });
}
