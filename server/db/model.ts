/**
 * Model helper: every business record gets a time-ordered UUID (v7), createdBy/updatedBy and
 * an optimistic-lock `version`, which Sequelize bumps and checks on every save (architecture §6).
 */
import { DataTypes, type Model, type ModelAttributes, type ModelOptions, type ModelStatic, type Sequelize } from 'sequelize';
import { v7 as uuidv7 } from 'uuid';

export function defineModel(
  sequelize: Sequelize,
  modelName: string,
  tableName: string,
  attributes: ModelAttributes,
  options: ModelOptions = {},
): ModelStatic<Model> {
  return sequelize.define(
    modelName,
    {
      id: { type: DataTypes.UUID, primaryKey: true, defaultValue: () => uuidv7() },
      ...attributes,
      createdBy: { type: DataTypes.UUID },
      updatedBy: { type: DataTypes.UUID },
    },
    { tableName, underscored: true, timestamps: true, version: true, ...options },
  );
}

export { DataTypes };
