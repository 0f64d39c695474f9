import { STANDARD_COLUMNS, type MigrationContext } from '../../../server/db/migrator.js';

/**
 * Every stock count correction asked for through the API, applied at once or waiting for an
 * approval (the facility's rule set decides which). An applied one points at its movement; a
 * decided one never changes again.
 */
export async function up({ sql }: MigrationContext) {
  await sql(`CREATE TABLE stock_adjustments (
    ${STANDARD_COLUMNS},
    batch_id uuid NOT NULL REFERENCES stock_batches(id),
    item_id uuid NOT NULL REFERENCES stock_items(id),
    location_id uuid NOT NULL REFERENCES stock_locations(id),
    -- Signed change asked for: +3 found, -2 broken.
    quantity integer NOT NULL CHECK (quantity <> 0),
    -- The batch's unit cost when asked, and |quantity| x that cost (minor units).
    unit_cost integer NOT NULL CHECK (unit_cost >= 0),
    value bigint NOT NULL CHECK (value >= 0),
    reason text NOT NULL CHECK (length(trim(reason)) > 0),
    status text NOT NULL CHECK (status IN ('pending-approval', 'applied', 'refused')),
    requested_by uuid,
    requested_at timestamptz NOT NULL DEFAULT now(),
    -- The rule set that asked for an approval (null: applied at once).
    rule_set text,
    decided_by uuid,
    decided_at timestamptz,
    decision_comment text,
    movement_id uuid REFERENCES stock_movements(id),
    applied_at timestamptz,
    CHECK ((status = 'applied') = (movement_id IS NOT NULL AND applied_at IS NOT NULL)),
    CHECK (status <> 'refused' OR decided_at IS NOT NULL)
  )`);
  await sql(`CREATE INDEX stock_adjustments_status ON stock_adjustments (status, created_at)`);
  await sql(`CREATE INDEX stock_adjustments_batch ON stock_adjustments (batch_id, created_at)`);
  await sql(`CREATE INDEX stock_adjustments_location ON stock_adjustments (location_id, created_at)`);
  await sql(`CREATE FUNCTION stock_adjustments_decided_once() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'Stock adjustments are never deleted'; END IF;
      IF OLD.status <> 'pending-approval' THEN RAISE EXCEPTION 'Stock adjustment % is already %', OLD.id, OLD.status; END IF;
      RETURN NEW;
    END $$`);
  await sql(`CREATE TRIGGER stock_adjustments_decided_once BEFORE UPDATE OR DELETE ON stock_adjustments FOR EACH ROW EXECUTE FUNCTION stock_adjustments_decided_once()`);
}

export async function down({ sql }: MigrationContext) {
  await sql(`DROP TABLE stock_adjustments`);
  await sql(`DROP FUNCTION stock_adjustments_decided_once()`);
}
