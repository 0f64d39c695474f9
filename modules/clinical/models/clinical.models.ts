import type { Sequelize } from 'sequelize';
import { DataTypes, defineModel } from '../../../server/db/model.js';

export function defineClinicalModels(sequelize: Sequelize) {
  const Icd10Code = defineModel(sequelize, 'Icd10Code', 'icd10_codes', {
    code: { type: DataTypes.TEXT, allowNull: false },
    title: { type: DataTypes.TEXT, allowNull: false },
    chapter: { type: DataTypes.TEXT, allowNull: false },
    active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
  });
  const Encounter = defineModel(sequelize, 'Encounter', 'encounters', {
    patientId: { type: DataTypes.UUID, allowNull: false },
    visitId: { type: DataTypes.UUID },
    clinicId: { type: DataTypes.UUID },
    physicianId: { type: DataTypes.UUID, allowNull: false },
    type: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'general' },
    status: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'open' },
    chiefComplaint: { type: DataTypes.TEXT },
    startedAt: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
    endedAt: { type: DataTypes.DATE },
  });
  const SoapNote = defineModel(sequelize, 'SoapNote', 'soap_notes', {
    encounterId: { type: DataTypes.UUID, allowNull: false },
    authorId: { type: DataTypes.UUID, allowNull: false },
    subjective: { type: DataTypes.TEXT },
    objective: { type: DataTypes.TEXT },
    assessment: { type: DataTypes.TEXT },
    plan: { type: DataTypes.TEXT },
    signedAt: { type: DataTypes.DATE },
    signedBy: { type: DataTypes.UUID },
  });
  // Addenda are append-only rows under a signed note: no version, no updatedAt.
  const SoapNoteAddendum = sequelize.define(
    'SoapNoteAddendum',
    {
      id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
      soapNoteId: { type: DataTypes.UUID, allowNull: false },
      authorId: { type: DataTypes.UUID, allowNull: false },
      text: { type: DataTypes.TEXT, allowNull: false },
      createdAt: { type: DataTypes.DATE },
    },
    { tableName: 'soap_note_addenda', underscored: true, timestamps: true, updatedAt: false },
  );
  const EncounterDiagnosis = defineModel(sequelize, 'EncounterDiagnosis', 'encounter_diagnoses', {
    encounterId: { type: DataTypes.UUID, allowNull: false },
    code: { type: DataTypes.TEXT, allowNull: false },
    title: { type: DataTypes.TEXT, allowNull: false },
    rank: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'primary' },
    certainty: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'confirmed' },
    notes: { type: DataTypes.TEXT },
  });
  return { Icd10Code, Encounter, SoapNote, SoapNoteAddendum, EncounterDiagnosis };
}
