import type { Sequelize } from 'sequelize';
import { DataTypes, defineModel } from '../../../server/db/model.js';

export function definePharmacyModels(sequelize: Sequelize) {
  const Drug = defineModel(sequelize, 'Drug', 'drugs', {
    genericName: { type: DataTypes.TEXT, allowNull: false },
    strength: { type: DataTypes.TEXT, allowNull: false },
    strengthValue: { type: DataTypes.DECIMAL, get() { const v = this.getDataValue('strengthValue'); return v == null ? null : Number(v); } },
    strengthUnit: { type: DataTypes.TEXT },
    form: { type: DataTypes.TEXT, allowNull: false },
    route: { type: DataTypes.TEXT, allowNull: false },
    dispenseUnit: { type: DataTypes.TEXT, allowNull: false },
    atcCode: { type: DataTypes.TEXT, allowNull: false },
    allergyClass: { type: DataTypes.TEXT },
    controlled: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    priceCode: { type: DataTypes.TEXT, allowNull: false },
    stockItemId: { type: DataTypes.UUID },
    active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
  });
  const DrugInteraction = defineModel(sequelize, 'DrugInteraction', 'drug_interactions', {
    atcA: { type: DataTypes.TEXT, allowNull: false },
    atcB: { type: DataTypes.TEXT, allowNull: false },
    labelA: { type: DataTypes.TEXT, allowNull: false },
    labelB: { type: DataTypes.TEXT, allowNull: false },
    severity: { type: DataTypes.TEXT, allowNull: false },
    effect: { type: DataTypes.TEXT, allowNull: false },
    advice: { type: DataTypes.TEXT, allowNull: false },
  });
  const Prescription = defineModel(sequelize, 'Prescription', 'prescriptions', {
    number: { type: DataTypes.TEXT },
    patientId: { type: DataTypes.UUID, allowNull: false },
    encounterId: { type: DataTypes.UUID, allowNull: false },
    visitId: { type: DataTypes.UUID },
    prescriberId: { type: DataTypes.UUID, allowNull: false },
    status: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'active' },
    warnings: { type: DataTypes.JSONB, allowNull: false, defaultValue: [] },
    overrideReason: { type: DataTypes.TEXT },
    notes: { type: DataTypes.TEXT },
    cancelledReason: { type: DataTypes.TEXT },
  });
  const PrescriptionItem = defineModel(sequelize, 'PrescriptionItem', 'prescription_items', {
    prescriptionId: { type: DataTypes.UUID, allowNull: false },
    drugId: { type: DataTypes.UUID, allowNull: false },
    dose: { type: DataTypes.DECIMAL, allowNull: false, get() { return Number(this.getDataValue('dose')); } },
    doseUnit: { type: DataTypes.TEXT, allowNull: false },
    route: { type: DataTypes.TEXT, allowNull: false },
    frequency: { type: DataTypes.TEXT, allowNull: false },
    durationDays: { type: DataTypes.INTEGER, allowNull: false },
    quantity: { type: DataTypes.INTEGER, allowNull: false },
    quantityDispensed: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    instructions: { type: DataTypes.TEXT },
  });
  const Dispense = defineModel(sequelize, 'Dispense', 'dispenses', {
    number: { type: DataTypes.TEXT },
    prescriptionId: { type: DataTypes.UUID, allowNull: false },
    patientId: { type: DataTypes.UUID, allowNull: false },
    locationCode: { type: DataTypes.TEXT, allowNull: false },
    dispensedBy: { type: DataTypes.UUID, allowNull: false },
    dispensedAt: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
    /** What the label said when the medicine was handed over; the PDF is rendered from it. */
    label: { type: DataTypes.JSONB },
  });
  const DispenseItem = defineModel(sequelize, 'DispenseItem', 'dispense_items', {
    dispenseId: { type: DataTypes.UUID, allowNull: false },
    prescriptionItemId: { type: DataTypes.UUID, allowNull: false },
    drugId: { type: DataTypes.UUID, allowNull: false },
    quantity: { type: DataTypes.INTEGER, allowNull: false },
    cost: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    batches: { type: DataTypes.JSONB, allowNull: false, defaultValue: [] },
  });
  return { Drug, DrugInteraction, Prescription, PrescriptionItem, Dispense, DispenseItem };
}
