import { QueryTypes } from 'sequelize';
import { v7 as uuidv7 } from 'uuid';
import type { ModuleContext } from '../../../server/host/types.js';
import { ITEMS, LOCATIONS } from './catalogue.js';

/** Inserts missing locations and items by code; what an administrator edited is left alone. */
export async function seedInventoryBase({ sequelize }: ModuleContext) {
  await sequelize.transaction(async () => {
    for (const l of LOCATIONS) {
      await sequelize.query(`INSERT INTO stock_locations (id, code, name, kind) VALUES (:id, :code, :name, :kind) ON CONFLICT (code) DO NOTHING`, {
        type: QueryTypes.INSERT,
        replacements: { id: uuidv7(), ...l },
      });
    }
    for (const i of ITEMS) {
      await sequelize.query(
        `INSERT INTO stock_items (id, code, name, unit, category, reorder_level) VALUES (:id, :code, :name, :unit, :category, :reorderLevel) ON CONFLICT (code) DO NOTHING`,
        { type: QueryTypes.INSERT, replacements: { id: uuidv7(), ...i } },
      );
    }
  });
}
