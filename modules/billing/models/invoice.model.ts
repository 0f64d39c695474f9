import type { Sequelize } from 'sequelize';
import { DataTypes, defineModel } from '../../../server/db/model.js';

export function defineInvoiceModels(sequelize: Sequelize) {
  const Invoice = defineModel(sequelize, 'Invoice', 'invoices', {
    // Assigned by the database (sequence) on insert.
    number: { type: DataTypes.TEXT },
    patientId: { type: DataTypes.UUID, allowNull: false },
    visitId: { type: DataTypes.UUID },
    patientMrn: { type: DataTypes.TEXT },
    patientName: { type: DataTypes.TEXT },
    status: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'draft' },
    currency: { type: DataTypes.TEXT, allowNull: false },
    payerCode: { type: DataTypes.TEXT },
    memberNumber: { type: DataTypes.TEXT },
    total: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    discountTotal: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    insurerShare: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    patientShare: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    patientPaid: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    insurerPaid: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    issuedAt: { type: DataTypes.DATE },
    issuedBy: { type: DataTypes.UUID },
    voidedAt: { type: DataTypes.DATE },
    voidedBy: { type: DataTypes.UUID },
    voidReason: { type: DataTypes.TEXT },
    voidRequestedAt: { type: DataTypes.DATE },
    voidRequestedBy: { type: DataTypes.UUID },
    voidRequestReason: { type: DataTypes.TEXT },
  });
  const InvoiceLine = defineModel(sequelize, 'InvoiceLine', 'invoice_lines', {
    invoiceId: { type: DataTypes.UUID, allowNull: false },
    priceCode: { type: DataTypes.TEXT, allowNull: false },
    description: { type: DataTypes.TEXT, allowNull: false },
    department: { type: DataTypes.TEXT, allowNull: false },
    quantity: { type: DataTypes.INTEGER, allowNull: false },
    unitPrice: { type: DataTypes.INTEGER, allowNull: false },
    discount: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    amount: { type: DataTypes.INTEGER, allowNull: false },
    insurerAmount: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    patientAmount: { type: DataTypes.INTEGER, allowNull: false },
    coverageNote: { type: DataTypes.TEXT },
    priced: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    status: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'active' },
    sourceResource: { type: DataTypes.TEXT },
    sourceId: { type: DataTypes.TEXT },
    serviceDate: { type: DataTypes.DATEONLY, allowNull: false },
  });
  return { Invoice, InvoiceLine };
}
