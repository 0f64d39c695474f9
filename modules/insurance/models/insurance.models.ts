import type { Sequelize } from 'sequelize';
import { DataTypes, defineModel } from '../../../server/db/model.js';

export function defineInsuranceModels(sequelize: Sequelize) {
  const InsurancePayer = defineModel(sequelize, 'InsurancePayer', 'insurance_payers', {
    code: { type: DataTypes.TEXT, allowNull: false },
    name: { type: DataTypes.TEXT, allowNull: false },
    copayPercent: { type: DataTypes.INTEGER, allowNull: false },
    excludedPriceCodes: { type: DataTypes.ARRAY(DataTypes.TEXT), allowNull: false, defaultValue: [] },
    contactName: { type: DataTypes.TEXT },
    contactPhone: { type: DataTypes.TEXT },
    contactEmail: { type: DataTypes.TEXT },
    address: { type: DataTypes.TEXT },
    active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
  });
  const InsuranceClaim = defineModel(sequelize, 'InsuranceClaim', 'insurance_claims', {
    // Assigned by the database (sequence) on insert.
    number: { type: DataTypes.TEXT },
    payerId: { type: DataTypes.UUID, allowNull: false },
    payerCode: { type: DataTypes.TEXT, allowNull: false },
    periodFrom: { type: DataTypes.DATEONLY, allowNull: false },
    periodTo: { type: DataTypes.DATEONLY, allowNull: false },
    status: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'draft' },
    claimedTotal: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    approvedTotal: { type: DataTypes.INTEGER },
    paidTotal: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    submittedAt: { type: DataTypes.DATE },
    submittedBy: { type: DataTypes.UUID },
    adjudicatedAt: { type: DataTypes.DATE },
    paidAt: { type: DataTypes.DATE },
  });
  const InsuranceClaimLine = defineModel(sequelize, 'InsuranceClaimLine', 'insurance_claim_lines', {
    claimId: { type: DataTypes.UUID, allowNull: false },
    invoiceId: { type: DataTypes.UUID, allowNull: false },
    invoiceLineId: { type: DataTypes.UUID, allowNull: false },
    invoiceNumber: { type: DataTypes.TEXT, allowNull: false },
    patientId: { type: DataTypes.UUID, allowNull: false },
    patientMrn: { type: DataTypes.TEXT },
    patientName: { type: DataTypes.TEXT },
    memberNumber: { type: DataTypes.TEXT },
    serviceDate: { type: DataTypes.DATEONLY, allowNull: false },
    priceCode: { type: DataTypes.TEXT, allowNull: false },
    description: { type: DataTypes.TEXT, allowNull: false },
    quantity: { type: DataTypes.INTEGER, allowNull: false },
    amountClaimed: { type: DataTypes.INTEGER, allowNull: false },
    amountApproved: { type: DataTypes.INTEGER },
    amountPaid: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    rejectionReason: { type: DataTypes.TEXT },
  });
  const InsuranceRemittance = defineModel(sequelize, 'InsuranceRemittance', 'insurance_remittances', {
    claimId: { type: DataTypes.UUID, allowNull: false },
    amount: { type: DataTypes.INTEGER, allowNull: false },
    reference: { type: DataTypes.TEXT, allowNull: false },
    receivedOn: { type: DataTypes.DATEONLY, allowNull: false },
    note: { type: DataTypes.TEXT },
  });
  return { InsurancePayer, InsuranceClaim, InsuranceClaimLine, InsuranceRemittance };
}
