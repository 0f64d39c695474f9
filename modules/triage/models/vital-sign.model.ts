import type { Sequelize } from 'sequelize';
import { DataTypes, defineModel } from '../../../server/db/model.js';

export function defineVitalSignModel(sequelize: Sequelize) {
  return defineModel(sequelize, 'VitalSign', 'vital_signs', {
    visitId: { type: DataTypes.UUID, allowNull: false },
    patientId: { type: DataTypes.UUID, allowNull: false },
    takenAt: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
    systolic: { type: DataTypes.INTEGER },
    diastolic: { type: DataTypes.INTEGER },
    pulse: { type: DataTypes.INTEGER },
    respiratoryRate: { type: DataTypes.INTEGER },
    temperature: { type: DataTypes.REAL },
    spo2: { type: DataTypes.INTEGER },
    weightKg: { type: DataTypes.REAL },
    heightCm: { type: DataTypes.REAL },
    // Computed from weight and height on every save.
    bmi: { type: DataTypes.REAL },
    painScore: { type: DataTypes.INTEGER },
    bloodGlucose: { type: DataTypes.REAL },
    notes: { type: DataTypes.TEXT },
  });
}
