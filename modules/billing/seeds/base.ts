import type { ModuleContext } from '../../../server/host/types.js';
import { TARIFF } from './tariff-items.js';

/**
 * Upserts the default tariff by code. A row someone has edited (version above 1 or an editor
 * recorded) keeps its price: an upgrade never overwrites the facility's own prices.
 */
export async function seedTariff({ sequelize, config }: ModuleContext) {
  await sequelize.transaction(async () => {
    for (const t of TARIFF) {
      await sequelize.query(
        `INSERT INTO price_lists (code, description, department, category, unit_price, currency, payer_prices, active_from)
         VALUES (:code, :description, :department, :category, :unitPrice, :currency, :payerPrices, DATE '2020-01-01')
         ON CONFLICT (code) DO UPDATE SET description = EXCLUDED.description, department = EXCLUDED.department,
           category = EXCLUDED.category, unit_price = EXCLUDED.unit_price, payer_prices = EXCLUDED.payer_prices, updated_at = now()
         WHERE price_lists.version = 1 AND price_lists.updated_by IS NULL
           AND (price_lists.unit_price, price_lists.payer_prices, price_lists.description) IS DISTINCT FROM (EXCLUDED.unit_price, EXCLUDED.payer_prices, EXCLUDED.description)`,
        { replacements: { ...t, currency: config.currency, payerPrices: JSON.stringify(t.payerPrices ?? {}) } },
      );
    }
  });
}
