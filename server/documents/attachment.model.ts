import type { Sequelize } from 'sequelize';
import { DataTypes, defineModel } from '../db/model.js';

export function defineAttachmentModel(sequelize: Sequelize) {
  const Attachment = defineModel(sequelize, 'Attachment', 'attachments', {
    resource: { type: DataTypes.TEXT, allowNull: false },
    recordId: { type: DataTypes.TEXT, allowNull: false },
    fileName: { type: DataTypes.TEXT, allowNull: false },
    mimeType: { type: DataTypes.TEXT, allowNull: false },
    sizeBytes: { type: DataTypes.INTEGER, allowNull: false },
    sha256: { type: DataTypes.TEXT, allowNull: false },
    storageKey: { type: DataTypes.TEXT, allowNull: false },
    description: { type: DataTypes.TEXT },
  });
  return { Attachment };
}
