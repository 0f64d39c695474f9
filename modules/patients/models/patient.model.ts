import type { Sequelize } from 'sequelize';
import { DataTypes, defineModel } from '../../../server/db/model.js';

export function definePatientModels(sequelize: Sequelize) {
  const Patient = defineModel(sequelize, 'Patient', 'patients', {
    // Assigned by the database trigger on insert.
    mrn: { type: DataTypes.TEXT },
    givenName: { type: DataTypes.TEXT, allowNull: false },
    middleName: { type: DataTypes.TEXT },
    familyName: { type: DataTypes.TEXT, allowNull: false },
    sex: { type: DataTypes.TEXT, allowNull: false },
    birthDate: { type: DataTypes.DATEONLY, allowNull: false },
    birthDateEstimated: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    nationalId: { type: DataTypes.TEXT },
    phone: { type: DataTypes.TEXT },
    email: { type: DataTypes.TEXT },
    address: { type: DataTypes.TEXT },
    city: { type: DataTypes.TEXT },
    nextOfKinName: { type: DataTypes.TEXT },
    nextOfKinPhone: { type: DataTypes.TEXT },
    nextOfKinRelationship: { type: DataTypes.TEXT },
    bloodGroup: { type: DataTypes.TEXT },
    status: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'active' },
    deceasedOn: { type: DataTypes.DATEONLY },
    mergedInto: { type: DataTypes.UUID },
  });
  const PatientAllergy = defineModel(sequelize, 'PatientAllergy', 'patient_allergies', {
    patientId: { type: DataTypes.UUID, allowNull: false },
    substance: { type: DataTypes.TEXT, allowNull: false },
    allergyClass: { type: DataTypes.TEXT },
    reaction: { type: DataTypes.TEXT },
    severity: { type: DataTypes.TEXT, allowNull: false },
    status: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'active' },
    notedOn: { type: DataTypes.DATEONLY },
    notes: { type: DataTypes.TEXT },
  });
  const PatientInsurance = defineModel(sequelize, 'PatientInsurance', 'patient_insurances', {
    patientId: { type: DataTypes.UUID, allowNull: false },
    payerCode: { type: DataTypes.TEXT, allowNull: false },
    payerName: { type: DataTypes.TEXT, allowNull: false },
    memberNumber: { type: DataTypes.TEXT, allowNull: false },
    plan: { type: DataTypes.TEXT },
    validFrom: { type: DataTypes.DATEONLY, allowNull: false },
    validTo: { type: DataTypes.DATEONLY },
    isPrimary: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
  });
  return { Patient, PatientAllergy, PatientInsurance };
}
