import type { Sequelize } from 'sequelize';
import { DataTypes, defineModel } from '../../../server/db/model.js';

export function defineTriageAssessmentModel(sequelize: Sequelize) {
  return defineModel(sequelize, 'TriageAssessment', 'triage_assessments', {
    visitId: { type: DataTypes.UUID, allowNull: false },
    patientId: { type: DataTypes.UUID, allowNull: false },
    vitalSignsId: { type: DataTypes.UUID },
    chiefComplaint: { type: DataTypes.TEXT, allowNull: false },
    dangerSigns: { type: DataTypes.ARRAY(DataTypes.TEXT), allowNull: false, defaultValue: [] },
    computedPriority: { type: DataTypes.TEXT, allowNull: false },
    priority: { type: DataTypes.TEXT, allowNull: false },
    overrideReason: { type: DataTypes.TEXT },
    /** The rule set and rule that decided the computed priority (empty: no rule fired, routine). */
    decidedBy: { type: DataTypes.TEXT },
  });
}
