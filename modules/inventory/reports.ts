/** Stock reports, computed in SQL; served as GET collection actions and as dashboard KPIs. */
import { QueryTypes, type Sequelize } from 'sequelize';

/**
 * Items whose usable (unexpired) stock is at or below their reorder level, lowest cover first.
 * For one location: the items it stocks (it has held a batch of them), so the dispensary's
 * list is not filled with laboratory reagents it never keeps.
 */
export function belowReorderLevel(db: Sequelize, locationId?: string) {
  return db.query(
    `SELECT i.id, i.code, i.name, i.unit, i.category, i.reorder_level AS "reorderLevel",
            coalesce(sum(b.quantity) FILTER (WHERE b.expiry_date IS NULL OR b.expiry_date >= current_date), 0)::int AS "onHand"
       FROM stock_items i
       LEFT JOIN stock_batches b ON b.item_id = i.id AND (:locationId::uuid IS NULL OR b.location_id = :locationId::uuid)
      WHERE i.active AND i.reorder_level > 0
      GROUP BY i.id
     HAVING coalesce(sum(b.quantity) FILTER (WHERE b.expiry_date IS NULL OR b.expiry_date >= current_date), 0) <= i.reorder_level
        AND (:locationId::uuid IS NULL OR count(b.id) > 0)
      ORDER BY coalesce(sum(b.quantity) FILTER (WHERE b.expiry_date IS NULL OR b.expiry_date >= current_date), 0)::numeric / i.reorder_level, i.name`,
    { type: QueryTypes.SELECT, replacements: { locationId: locationId ?? null } },
  );
}

/** Batches with stock that expire within `days` days, already expired ones included (flagged). */
export function expiringBatches(db: Sequelize, days: number, locationId?: string) {
  return db.query(
    `SELECT b.id, b.lot_number AS "lotNumber", b.expiry_date AS "expiryDate", b.quantity, b.unit_cost AS "unitCost",
            (b.quantity::bigint * b.unit_cost)::float8 AS value, (b.expiry_date < current_date) AS expired,
            (b.expiry_date - current_date) AS "daysLeft",
            i.id AS "itemId", i.code AS "itemCode", i.name AS "itemName", i.unit,
            l.id AS "locationId", l.code AS "locationCode", l.name AS "locationName"
       FROM stock_batches b JOIN stock_items i ON i.id = b.item_id JOIN stock_locations l ON l.id = b.location_id
      WHERE b.quantity > 0 AND b.expiry_date <= current_date + :days::int
        AND (:locationId::uuid IS NULL OR b.location_id = :locationId::uuid)
      ORDER BY b.expiry_date, i.name`,
    { type: QueryTypes.SELECT, replacements: { days, locationId: locationId ?? null } },
  );
}

/** Value of stock on hand (quantity x unit cost, minor units) per location, expired stock apart. */
export async function stockValue(db: Sequelize) {
  const byLocation = await db.query<{ usable: number; expired: number }>(
    `SELECT l.id AS "locationId", l.code AS "locationCode", l.name AS "locationName",
            coalesce(sum(b.quantity::bigint * b.unit_cost) FILTER (WHERE b.expiry_date IS NULL OR b.expiry_date >= current_date), 0)::float8 AS usable,
            coalesce(sum(b.quantity::bigint * b.unit_cost) FILTER (WHERE b.expiry_date < current_date), 0)::float8 AS expired
       FROM stock_locations l LEFT JOIN stock_batches b ON b.location_id = l.id
      GROUP BY l.id ORDER BY l.code`,
    { type: QueryTypes.SELECT },
  );
  return {
    total: byLocation.reduce((s, r) => s + r.usable, 0),
    expired: byLocation.reduce((s, r) => s + r.expired, 0),
    byLocation,
  };
}
