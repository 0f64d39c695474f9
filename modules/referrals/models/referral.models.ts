import type { Sequelize } from 'sequelize';
import { DataTypes, defineModel } from '../../../server/db/model.js';

export function defineReferralModels(sequelize: Sequelize) {
  const Facility = defineModel(sequelize, 'Facility', 'facilities', {
    code: { type: DataTypes.TEXT, allowNull: false },
    name: { type: DataTypes.TEXT, allowNull: false },
    level: { type: DataTypes.TEXT, allowNull: false },
    specialties: { type: DataTypes.ARRAY(DataTypes.TEXT), allowNull: false, defaultValue: [] },
    contactName: { type: DataTypes.TEXT },
    phone: { type: DataTypes.TEXT },
    email: { type: DataTypes.TEXT },
    address: { type: DataTypes.TEXT },
    external: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
  });
  const Referral = defineModel(sequelize, 'Referral', 'referrals', {
    // Assigned by the database (sequence).
    number: { type: DataTypes.TEXT },
    patientId: { type: DataTypes.UUID, allowNull: false },
    encounterId: { type: DataTypes.UUID },
    referredBy: { type: DataTypes.UUID, allowNull: false },
    reason: { type: DataTypes.TEXT, allowNull: false },
    clinicalSummary: { type: DataTypes.TEXT },
    specialty: { type: DataTypes.TEXT, allowNull: false },
    urgency: { type: DataTypes.TEXT, allowNull: false },
    requestedDestinationId: { type: DataTypes.UUID },
    destinationId: { type: DataTypes.UUID },
    priority: { type: DataTypes.TEXT },
    status: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'draft' },
    routedBy: { type: DataTypes.TEXT },
    respondMin: { type: DataTypes.INTEGER },
    approvalComment: { type: DataTypes.TEXT },
    letterAttachmentId: { type: DataTypes.UUID },
    submittedAt: { type: DataTypes.DATE },
    sentAt: { type: DataTypes.DATE },
    answerDueAt: { type: DataTypes.DATE },
    escalatedAt: { type: DataTypes.DATE },
    answeredAt: { type: DataTypes.DATE },
    reply: { type: DataTypes.TEXT },
    appointmentAt: { type: DataTypes.DATE },
    completedAt: { type: DataTypes.DATE },
    outcome: { type: DataTypes.TEXT },
  });
  return { Facility, Referral };
}
