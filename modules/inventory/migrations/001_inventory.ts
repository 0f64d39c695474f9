import { STANDARD_COLUMNS, type MigrationContext } from '../../../server/db/migrator.js';

export async function up({ sql }: MigrationContext) {
  await sql(`CREATE TABLE stock_items (
    ${STANDARD_COLUMNS},
    code text NOT NULL,
    name text NOT NULL,
    unit text NOT NULL,
    category text NOT NULL,
    reorder_level integer NOT NULL DEFAULT 0 CHECK (reorder_level >= 0),
    active boolean NOT NULL DEFAULT true
  )`);
  await sql(`CREATE UNIQUE INDEX stock_items_code_key ON stock_items (code)`);
  await sql(`CREATE INDEX stock_items_name ON stock_items (lower(name))`);

  await sql(`CREATE TABLE stock_locations (
    ${STANDARD_COLUMNS},
    code text NOT NULL,
    name text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('store', 'laboratory', 'dispensary', 'ward', 'radiology')),
    active boolean NOT NULL DEFAULT true
  )`);
  await sql(`CREATE UNIQUE INDEX stock_locations_code_key ON stock_locations (code)`);

  // The quantity is never negative: the database refuses it, whatever the code above it does.
  await sql(`CREATE TABLE stock_batches (
    ${STANDARD_COLUMNS},
    item_id uuid NOT NULL REFERENCES stock_items(id),
    location_id uuid NOT NULL REFERENCES stock_locations(id),
    lot_number text NOT NULL,
    expiry_date date,
    quantity integer NOT NULL DEFAULT 0 CONSTRAINT stock_batches_quantity_not_negative CHECK (quantity >= 0),
    unit_cost integer NOT NULL DEFAULT 0 CHECK (unit_cost >= 0)
  )`);
  await sql(`CREATE UNIQUE INDEX stock_batches_lot_key ON stock_batches (item_id, location_id, lot_number)`);
  // FEFO picking walks this index: the batches of an item at a location, soonest expiry first.
  await sql(`CREATE INDEX stock_batches_fefo ON stock_batches (item_id, location_id, expiry_date NULLS LAST, created_at, id) WHERE quantity > 0`);
  await sql(`CREATE INDEX stock_batches_expiry ON stock_batches (expiry_date) WHERE quantity > 0`);

  await sql(`CREATE TABLE stock_movements (
    ${STANDARD_COLUMNS},
    kind text NOT NULL CHECK (kind IN ('receipt', 'issue', 'consumption', 'adjustment', 'transfer-out', 'transfer-in', 'expiry-write-off', 'return')),
    batch_id uuid NOT NULL REFERENCES stock_batches(id),
    item_id uuid NOT NULL REFERENCES stock_items(id),
    location_id uuid NOT NULL REFERENCES stock_locations(id),
    quantity integer NOT NULL CHECK (quantity <> 0),
    balance_after integer NOT NULL DEFAULT 0,
    reason text,
    source_resource text,
    source_id text,
    -- The two legs of a transfer, or the movement a return reverses.
    related_id uuid,
    CHECK (kind <> 'adjustment' OR length(trim(coalesce(reason, ''))) > 0),
    CHECK ((kind IN ('receipt', 'transfer-in', 'return') AND quantity > 0) OR (kind IN ('issue', 'consumption', 'transfer-out', 'expiry-write-off') AND quantity < 0) OR kind = 'adjustment')
  )`);
  await sql(`CREATE INDEX stock_movements_batch ON stock_movements (batch_id, created_at)`);
  await sql(`CREATE INDEX stock_movements_item ON stock_movements (item_id, created_at)`);
  await sql(`CREATE INDEX stock_movements_source ON stock_movements (source_resource, source_id)`);

  // A movement is the only way a quantity changes: inserting one applies its delta to the batch
  // (the CHECK above refuses a negative result) and records the balance it left.
  await sql(`CREATE FUNCTION stock_movements_apply() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM set_config('his.stock_movement', 'on', true);
      UPDATE stock_batches SET quantity = quantity + NEW.quantity, updated_at = now(), version = version + 1
       WHERE id = NEW.batch_id RETURNING quantity INTO NEW.balance_after;
      PERFORM set_config('his.stock_movement', '', true);
      IF NOT FOUND THEN RAISE EXCEPTION 'No stock batch %', NEW.batch_id; END IF;
      RETURN NEW;
    END $$`);
  await sql(`CREATE TRIGGER stock_movements_apply BEFORE INSERT ON stock_movements FOR EACH ROW EXECUTE FUNCTION stock_movements_apply()`);
  await sql(`CREATE FUNCTION stock_batches_quantity_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.quantity IS DISTINCT FROM OLD.quantity AND coalesce(current_setting('his.stock_movement', true), '') <> 'on' THEN
        RAISE EXCEPTION 'A stock quantity changes only through a stock movement';
      END IF;
      RETURN NEW;
    END $$`);
  await sql(`CREATE TRIGGER stock_batches_quantity_guard BEFORE UPDATE ON stock_batches FOR EACH ROW EXECUTE FUNCTION stock_batches_quantity_guard()`);
  await sql(`CREATE FUNCTION stock_batches_start_empty() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN IF NEW.quantity <> 0 THEN RAISE EXCEPTION 'A stock batch starts empty; receive goods to fill it'; END IF; RETURN NEW; END $$`);
  await sql(`CREATE TRIGGER stock_batches_start_empty BEFORE INSERT ON stock_batches FOR EACH ROW EXECUTE FUNCTION stock_batches_start_empty()`);
  // The ledger is append-only: a mistake is corrected by a new movement, never by an edit.
  await sql(`CREATE FUNCTION stock_movements_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'Stock movements are never changed or deleted; record a correcting movement'; END $$`);
  await sql(`CREATE TRIGGER stock_movements_append_only BEFORE UPDATE OR DELETE ON stock_movements FOR EACH ROW EXECUTE FUNCTION stock_movements_append_only()`);
}

export async function down({ sql }: MigrationContext) {
  await sql(`DROP TABLE stock_movements`);
  await sql(`DROP TABLE stock_batches`);
  await sql(`DROP TABLE stock_locations`);
  await sql(`DROP TABLE stock_items`);
  await sql(`DROP FUNCTION stock_movements_append_only()`);
  await sql(`DROP FUNCTION stock_batches_start_empty()`);
  await sql(`DROP FUNCTION stock_batches_quantity_guard()`);
  await sql(`DROP FUNCTION stock_movements_apply()`);
}
