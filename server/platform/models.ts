import { DataTypes, type Sequelize } from 'sequelize';
import { defineModel } from '../db/model.js';

export function platformModels(sequelize: Sequelize) {
  const User = defineModel(sequelize, 'User', 'users', {
    email: { type: DataTypes.TEXT, allowNull: false },
    name: { type: DataTypes.TEXT, allowNull: false },
    passwordHash: { type: DataTypes.TEXT, allowNull: false },
    roles: { type: DataTypes.ARRAY(DataTypes.TEXT), allowNull: false, defaultValue: [] },
    active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    failedLogins: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    lockedUntil: { type: DataTypes.DATE },
    tokenVersion: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    passwordChangedAt: { type: DataTypes.DATE },
    lastLoginAt: { type: DataTypes.DATE },
  });
  const Role = sequelize.define(
    'Role',
    {
      id: { type: DataTypes.TEXT, primaryKey: true },
      label: { type: DataTypes.TEXT, allowNull: false },
      description: { type: DataTypes.TEXT },
      module: { type: DataTypes.TEXT, allowNull: false },
      grants: { type: DataTypes.JSONB, allowNull: false, defaultValue: [] },
      createdBy: { type: DataTypes.UUID },
      updatedBy: { type: DataTypes.UUID },
    },
    { tableName: 'roles', underscored: true, version: true },
  );
  const AuditLog = sequelize.define(
    'AuditLog',
    {
      id: { type: DataTypes.BIGINT, primaryKey: true, autoIncrement: true },
      at: { type: DataTypes.DATE },
      userId: { type: DataTypes.UUID },
      userEmail: { type: DataTypes.TEXT },
      roles: { type: DataTypes.ARRAY(DataTypes.TEXT) },
      action: { type: DataTypes.TEXT },
      resource: { type: DataTypes.TEXT },
      recordId: { type: DataTypes.TEXT },
      before: { type: DataTypes.JSONB },
      after: { type: DataTypes.JSONB },
      ip: { type: DataTypes.TEXT },
      userAgent: { type: DataTypes.TEXT },
      requestId: { type: DataTypes.TEXT },
    },
    { tableName: 'audit_logs', underscored: true, timestamps: false },
  );
  return { User, Role, AuditLog };
}
