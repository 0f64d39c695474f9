import type { ModuleContext } from '../../../server/host/types.js';
import { FORMULARY, INTERACTIONS } from './formulary.js';

/**
 * Inserts the default formulary and interactions where missing (keyed by tariff code and by
 * the ATC pair); what a pharmacist edited is left alone. A drug is linked to the inventory item
 * with the same code, when inventory stocks it.
 */
export async function seedFormulary({ sequelize }: ModuleContext) {
  await sequelize.transaction(async () => {
    for (const f of FORMULARY) {
      await sequelize.query(
        `INSERT INTO drugs (generic_name, strength, strength_value, strength_unit, form, route, dispense_unit, atc_code, allergy_class, controlled, price_code, stock_item_id)
         VALUES (:genericName, :strength, :strengthValue, :strengthUnit, :form, :route, :dispenseUnit, :atcCode, :allergyClass, :controlled, :priceCode,
                 (SELECT id FROM stock_items WHERE code = :priceCode))
         ON CONFLICT (price_code) DO NOTHING`,
        { replacements: { strengthValue: null, strengthUnit: null, allergyClass: null, controlled: false, ...f } },
      );
    }
    // Link drugs added before inventory stocked them.
    await sequelize.query(`UPDATE drugs d SET stock_item_id = s.id FROM stock_items s WHERE s.code = d.price_code AND d.stock_item_id IS NULL`);
    for (const i of INTERACTIONS) {
      await sequelize.query(
        `INSERT INTO drug_interactions (atc_a, atc_b, label_a, label_b, severity, effect, advice)
         VALUES (:atcA, :atcB, :labelA, :labelB, :severity, :effect, :advice) ON CONFLICT DO NOTHING`,
        { replacements: i },
      );
    }
  });
}
