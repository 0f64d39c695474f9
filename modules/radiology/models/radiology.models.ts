import type { Sequelize } from 'sequelize';
import { DataTypes, defineModel } from '../../../server/db/model.js';

export function defineRadiologyModels(sequelize: Sequelize) {
  const ImagingStudy = defineModel(sequelize, 'ImagingStudy', 'imaging_studies', {
    code: { type: DataTypes.TEXT, allowNull: false },
    name: { type: DataTypes.TEXT, allowNull: false },
    modality: { type: DataTypes.TEXT, allowNull: false },
    bodyPart: { type: DataTypes.TEXT, allowNull: false },
    priceCode: { type: DataTypes.TEXT, allowNull: false },
    turnaroundMinutes: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 1440 },
    preparation: { type: DataTypes.TEXT },
    active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
  });
  const ImagingOrder = defineModel(sequelize, 'ImagingOrder', 'imaging_orders', {
    orderNumber: { type: DataTypes.TEXT },
    patientId: { type: DataTypes.UUID, allowNull: false },
    encounterId: { type: DataTypes.UUID, allowNull: false },
    studyId: { type: DataTypes.UUID, allowNull: false },
    orderedBy: { type: DataTypes.UUID, allowNull: false },
    priority: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'routine' },
    clinicalIndication: { type: DataTypes.TEXT, allowNull: false },
    status: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'ordered' },
    orderedAt: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
    dueAt: { type: DataTypes.DATE, allowNull: false },
    scheduledAt: { type: DataTypes.DATE },
    room: { type: DataTypes.TEXT },
    performedAt: { type: DataTypes.DATE },
    performedBy: { type: DataTypes.UUID },
    reportedAt: { type: DataTypes.DATE },
    verifiedAt: { type: DataTypes.DATE },
    verifiedBy: { type: DataTypes.UUID },
    cancelledAt: { type: DataTypes.DATE },
    cancelledBy: { type: DataTypes.UUID },
    cancelReason: { type: DataTypes.TEXT },
  });
  const ImagingReport = defineModel(sequelize, 'ImagingReport', 'imaging_reports', {
    orderId: { type: DataTypes.UUID, allowNull: false },
    authorId: { type: DataTypes.UUID, allowNull: false },
    findings: { type: DataTypes.TEXT, allowNull: false, defaultValue: '' },
    impression: { type: DataTypes.TEXT, allowNull: false, defaultValue: '' },
    signedAt: { type: DataTypes.DATE },
    signedBy: { type: DataTypes.UUID },
  });
  return { ImagingStudy, ImagingOrder, ImagingReport };
}
