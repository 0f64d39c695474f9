import type { Sequelize } from 'sequelize';
import { DataTypes, defineModel } from '../../../server/db/model.js';

export function defineLabModels(sequelize: Sequelize) {
  const LabTest = defineModel(sequelize, 'LabTest', 'lab_tests', {
    code: { type: DataTypes.TEXT, allowNull: false },
    loinc: { type: DataTypes.TEXT },
    name: { type: DataTypes.TEXT, allowNull: false },
    section: { type: DataTypes.TEXT, allowNull: false },
    specimenType: { type: DataTypes.TEXT, allowNull: false },
    resultType: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'numeric' },
    unit: { type: DataTypes.TEXT },
    decimals: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 1 },
    codedValues: { type: DataTypes.ARRAY(DataTypes.TEXT), allowNull: false, defaultValue: [] },
    abnormalValues: { type: DataTypes.ARRAY(DataTypes.TEXT), allowNull: false, defaultValue: [] },
    ranges: { type: DataTypes.JSONB, allowNull: false, defaultValue: [] },
    reagents: { type: DataTypes.JSONB, allowNull: false, defaultValue: [] },
    turnaroundMinutes: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 240 },
    priceCode: { type: DataTypes.TEXT, allowNull: false },
    active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
  });
  const LabPanel = defineModel(sequelize, 'LabPanel', 'lab_panels', {
    code: { type: DataTypes.TEXT, allowNull: false },
    name: { type: DataTypes.TEXT, allowNull: false },
    testIds: { type: DataTypes.ARRAY(DataTypes.UUID), allowNull: false },
    priceCode: { type: DataTypes.TEXT, allowNull: false },
    active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
  });
  const LabOrder = defineModel(sequelize, 'LabOrder', 'lab_orders', {
    // Assigned by the database (sequence + check digit).
    orderNumber: { type: DataTypes.TEXT },
    patientId: { type: DataTypes.UUID, allowNull: false },
    encounterId: { type: DataTypes.UUID, allowNull: false },
    orderedBy: { type: DataTypes.UUID, allowNull: false },
    priority: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'routine' },
    clinicalNotes: { type: DataTypes.TEXT },
    status: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'ordered' },
    orderedAt: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
    dueAt: { type: DataTypes.DATE, allowNull: false },
    collectedAt: { type: DataTypes.DATE },
    receivedAt: { type: DataTypes.DATE },
    resultedAt: { type: DataTypes.DATE },
    verifiedAt: { type: DataTypes.DATE },
    cancelledAt: { type: DataTypes.DATE },
    cancelledBy: { type: DataTypes.UUID },
    cancelReason: { type: DataTypes.TEXT },
  });
  const Specimen = defineModel(sequelize, 'Specimen', 'specimens', {
    accessionNumber: { type: DataTypes.TEXT },
    orderId: { type: DataTypes.UUID, allowNull: false },
    patientId: { type: DataTypes.UUID, allowNull: false },
    specimenType: { type: DataTypes.TEXT, allowNull: false },
    status: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'collected' },
    collectedBy: { type: DataTypes.UUID, allowNull: false },
    collectedAt: { type: DataTypes.DATE, allowNull: false },
    receivedBy: { type: DataTypes.UUID },
    receivedAt: { type: DataTypes.DATE },
    rejectedBy: { type: DataTypes.UUID },
    rejectedAt: { type: DataTypes.DATE },
    rejectionReason: { type: DataTypes.TEXT },
  });
  const LabResult = defineModel(sequelize, 'LabResult', 'lab_results', {
    orderId: { type: DataTypes.UUID, allowNull: false },
    patientId: { type: DataTypes.UUID, allowNull: false },
    testId: { type: DataTypes.UUID, allowNull: false },
    panelId: { type: DataTypes.UUID },
    specimenId: { type: DataTypes.UUID },
    status: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'pending' },
    valueNumeric: { type: DataTypes.DOUBLE },
    valueCoded: { type: DataTypes.TEXT },
    unit: { type: DataTypes.TEXT },
    rangeLow: { type: DataTypes.DOUBLE },
    rangeHigh: { type: DataTypes.DOUBLE },
    criticalLow: { type: DataTypes.DOUBLE },
    criticalHigh: { type: DataTypes.DOUBLE },
    flag: { type: DataTypes.TEXT },
    comment: { type: DataTypes.TEXT },
    enteredBy: { type: DataTypes.UUID },
    enteredAt: { type: DataTypes.DATE },
    verifiedBy: { type: DataTypes.UUID },
    verifiedAt: { type: DataTypes.DATE },
    criticalAcknowledgedBy: { type: DataTypes.UUID },
    criticalAcknowledgedAt: { type: DataTypes.DATE },
    criticalEscalateAt: { type: DataTypes.DATE },
    criticalEscalateTo: { type: DataTypes.TEXT },
    criticalEscalatedAt: { type: DataTypes.DATE },
  });
  const LabResultAmendment = defineModel(
    sequelize,
    'LabResultAmendment',
    'lab_result_amendments',
    {
      resultId: { type: DataTypes.UUID, allowNull: false },
      previousValueNumeric: { type: DataTypes.DOUBLE },
      previousValueCoded: { type: DataTypes.TEXT },
      previousFlag: { type: DataTypes.TEXT },
      valueNumeric: { type: DataTypes.DOUBLE },
      valueCoded: { type: DataTypes.TEXT },
      flag: { type: DataTypes.TEXT },
      reason: { type: DataTypes.TEXT, allowNull: false },
      amendedBy: { type: DataTypes.UUID, allowNull: false },
      amendedAt: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
    },
    // Append-only rows: no updated_at, no version, no created_by columns.
    { timestamps: false, version: false },
  );
  LabResultAmendment.removeAttribute('createdBy');
  LabResultAmendment.removeAttribute('updatedBy');
  return { LabTest, LabPanel, LabOrder, Specimen, LabResult, LabResultAmendment };
}
