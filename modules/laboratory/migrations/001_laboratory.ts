import { STANDARD_COLUMNS, type MigrationContext } from '../../../server/db/migrator.js';

export async function up({ sql }: MigrationContext) {
  await sql(`CREATE TABLE lab_tests (
    ${STANDARD_COLUMNS},
    code text NOT NULL,
    loinc text,
    name text NOT NULL,
    section text NOT NULL,
    specimen_type text NOT NULL,
    result_type text NOT NULL DEFAULT 'numeric' CHECK (result_type IN ('numeric', 'coded')),
    unit text,
    decimals integer NOT NULL DEFAULT 1 CHECK (decimals BETWEEN 0 AND 4),
    coded_values text[] NOT NULL DEFAULT '{}',
    abnormal_values text[] NOT NULL DEFAULT '{}',
    -- [{ sex, ageFromDays, ageToDays, low, high, criticalLow, criticalHigh }], see ranges.ts
    ranges jsonb NOT NULL DEFAULT '[]',
    -- [{ itemCode, quantity }] consumed from the laboratory's stock when a result is entered
    reagents jsonb NOT NULL DEFAULT '[]',
    turnaround_minutes integer NOT NULL DEFAULT 240 CHECK (turnaround_minutes > 0),
    price_code text NOT NULL,
    active boolean NOT NULL DEFAULT true
  )`);
  await sql(`CREATE UNIQUE INDEX lab_tests_code_key ON lab_tests (code)`);

  await sql(`CREATE TABLE lab_panels (
    ${STANDARD_COLUMNS},
    code text NOT NULL,
    name text NOT NULL,
    test_ids uuid[] NOT NULL CHECK (cardinality(test_ids) > 0),
    price_code text NOT NULL,
    active boolean NOT NULL DEFAULT true
  )`);
  await sql(`CREATE UNIQUE INDEX lab_panels_code_key ON lab_panels (code)`);

  // Human numbers: sequence + Luhn check digit (patients' luhn_check_digit), so a mistyped digit is caught.
  await sql(`CREATE SEQUENCE lab_orders_number_seq`);
  await sql(`CREATE SEQUENCE specimens_accession_seq`);
  await sql(`CREATE FUNCTION lab_orders_assign_number() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE num text;
    BEGIN num := lpad(nextval('lab_orders_number_seq')::text, 7, '0'); NEW.order_number := 'LO' || num || luhn_check_digit(num)::text; RETURN NEW; END $$`);
  await sql(`CREATE FUNCTION specimens_assign_accession() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE num text;
    BEGIN num := to_char(now(), 'YY') || lpad(nextval('specimens_accession_seq')::text, 7, '0'); NEW.accession_number := num || luhn_check_digit(num)::text; RETURN NEW; END $$`);

  await sql(`CREATE TABLE lab_orders (
    ${STANDARD_COLUMNS},
    order_number text NOT NULL,
    patient_id uuid NOT NULL REFERENCES patients(id),
    encounter_id uuid NOT NULL REFERENCES encounters(id),
    ordered_by uuid NOT NULL REFERENCES users(id),
    priority text NOT NULL DEFAULT 'routine' CHECK (priority IN ('routine', 'urgent', 'stat')),
    clinical_notes text,
    status text NOT NULL DEFAULT 'ordered' CHECK (status IN ('ordered', 'collected', 'received', 'in-progress', 'resulted', 'verified', 'cancelled')),
    ordered_at timestamptz NOT NULL DEFAULT now(),
    due_at timestamptz NOT NULL,
    collected_at timestamptz,
    received_at timestamptz,
    resulted_at timestamptz,
    verified_at timestamptz,
    cancelled_at timestamptz,
    cancelled_by uuid REFERENCES users(id),
    cancel_reason text,
    CHECK (status <> 'cancelled' OR length(trim(coalesce(cancel_reason, ''))) > 0)
  )`);
  await sql(`CREATE TRIGGER lab_orders_number BEFORE INSERT ON lab_orders FOR EACH ROW EXECUTE FUNCTION lab_orders_assign_number()`);
  await sql(`CREATE UNIQUE INDEX lab_orders_number_key ON lab_orders (order_number)`);
  await sql(`CREATE INDEX lab_orders_worklist ON lab_orders (status, priority, ordered_at)`);
  await sql(`CREATE INDEX lab_orders_patient ON lab_orders (patient_id, ordered_at DESC)`);
  await sql(`CREATE INDEX lab_orders_encounter ON lab_orders (encounter_id)`);
  // Legal status changes only; a rejected specimen sends the order back to 'ordered' for recollection.
  await sql(`CREATE FUNCTION lab_orders_status_transition() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.status = OLD.status THEN RETURN NEW; END IF;
      IF (OLD.status, NEW.status) IN (
        ('ordered', 'collected'), ('ordered', 'cancelled'),
        ('collected', 'received'), ('collected', 'ordered'), ('collected', 'cancelled'),
        ('received', 'in-progress'), ('received', 'resulted'), ('received', 'ordered'), ('received', 'cancelled'),
        ('in-progress', 'resulted'), ('resulted', 'verified'), ('resulted', 'in-progress')
      ) THEN RETURN NEW; END IF;
      RAISE EXCEPTION 'A lab order cannot go from % to %', OLD.status, NEW.status;
    END $$`);
  await sql(`CREATE TRIGGER lab_orders_status BEFORE UPDATE OF status ON lab_orders FOR EACH ROW EXECUTE FUNCTION lab_orders_status_transition()`);

  await sql(`CREATE TABLE specimens (
    ${STANDARD_COLUMNS},
    accession_number text NOT NULL,
    order_id uuid NOT NULL REFERENCES lab_orders(id),
    patient_id uuid NOT NULL REFERENCES patients(id),
    specimen_type text NOT NULL,
    status text NOT NULL DEFAULT 'collected' CHECK (status IN ('collected', 'received', 'rejected')),
    collected_by uuid NOT NULL REFERENCES users(id),
    collected_at timestamptz NOT NULL,
    received_by uuid REFERENCES users(id),
    received_at timestamptz,
    rejected_by uuid REFERENCES users(id),
    rejected_at timestamptz,
    rejection_reason text,
    CHECK (status <> 'rejected' OR length(trim(coalesce(rejection_reason, ''))) > 0)
  )`);
  await sql(`CREATE TRIGGER specimens_accession BEFORE INSERT ON specimens FOR EACH ROW EXECUTE FUNCTION specimens_assign_accession()`);
  await sql(`CREATE UNIQUE INDEX specimens_accession_key ON specimens (accession_number)`);
  await sql(`CREATE INDEX specimens_order ON specimens (order_id)`);

  await sql(`CREATE TABLE lab_results (
    ${STANDARD_COLUMNS},
    order_id uuid NOT NULL REFERENCES lab_orders(id),
    patient_id uuid NOT NULL REFERENCES patients(id),
    test_id uuid NOT NULL REFERENCES lab_tests(id),
    panel_id uuid REFERENCES lab_panels(id),
    specimen_id uuid REFERENCES specimens(id),
    status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'entered', 'verified', 'amended', 'cancelled')),
    value_numeric double precision,
    value_coded text,
    unit text,
    -- The range that applied to this patient (sex, age on the collection date), kept with the result.
    range_low double precision,
    range_high double precision,
    critical_low double precision,
    critical_high double precision,
    flag text CHECK (flag IN ('L', 'H', 'LL', 'HH', 'A')),
    comment text,
    entered_by uuid REFERENCES users(id),
    entered_at timestamptz,
    verified_by uuid REFERENCES users(id),
    verified_at timestamptz,
    critical_acknowledged_by uuid REFERENCES users(id),
    critical_acknowledged_at timestamptz,
    -- Set by the critical-result rule set: who hears of it next, and when, if nobody acknowledges it.
    critical_escalate_at timestamptz,
    critical_escalate_to text,
    critical_escalated_at timestamptz,
    -- Four eyes: whoever entered a result never verifies it.
    CONSTRAINT lab_results_four_eyes CHECK (verified_by IS NULL OR verified_by <> entered_by),
    CHECK (status IN ('pending', 'cancelled') OR value_numeric IS NOT NULL OR value_coded IS NOT NULL)
  )`);
  await sql(`CREATE UNIQUE INDEX lab_results_order_test ON lab_results (order_id, test_id)`);
  await sql(`CREATE INDEX lab_results_patient_test ON lab_results (patient_id, test_id, entered_at)`);
  await sql(`CREATE INDEX lab_results_queue ON lab_results (status) WHERE status = 'entered'`);
  await sql(`CREATE INDEX lab_results_unacknowledged ON lab_results (entered_at) WHERE flag IN ('LL', 'HH') AND critical_acknowledged_at IS NULL`);

  await sql(`CREATE TABLE lab_result_amendments (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    result_id uuid NOT NULL REFERENCES lab_results(id),
    previous_value_numeric double precision,
    previous_value_coded text,
    previous_flag text,
    value_numeric double precision,
    value_coded text,
    flag text,
    reason text NOT NULL CHECK (length(trim(reason)) > 0),
    amended_by uuid NOT NULL REFERENCES users(id),
    amended_at timestamptz NOT NULL DEFAULT now()
  )`);
  await sql(`CREATE INDEX lab_result_amendments_result ON lab_result_amendments (result_id, amended_at)`);
  // An amendment is the only way a verified value changes: inserting one applies it and keeps the old one.
  await sql(`CREATE FUNCTION lab_result_amendments_apply() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      SELECT value_numeric, value_coded, flag INTO NEW.previous_value_numeric, NEW.previous_value_coded, NEW.previous_flag
        FROM lab_results WHERE id = NEW.result_id AND status IN ('verified', 'amended') FOR UPDATE;
      IF NOT FOUND THEN RAISE EXCEPTION 'Only a verified result is amended'; END IF;
      PERFORM set_config('his.lab_amendment', 'on', true);
      UPDATE lab_results SET value_numeric = NEW.value_numeric, value_coded = NEW.value_coded, flag = NEW.flag, status = 'amended',
             updated_at = now(), updated_by = NEW.amended_by, version = version + 1
       WHERE id = NEW.result_id;
      PERFORM set_config('his.lab_amendment', '', true);
      RETURN NEW;
    END $$`);
  await sql(`CREATE TRIGGER lab_result_amendments_apply BEFORE INSERT ON lab_result_amendments FOR EACH ROW EXECUTE FUNCTION lab_result_amendments_apply()`);
  await sql(`CREATE FUNCTION lab_results_verified_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF OLD.status IN ('verified', 'amended') AND coalesce(current_setting('his.lab_amendment', true), '') <> 'on'
         AND (NEW.value_numeric IS DISTINCT FROM OLD.value_numeric OR NEW.value_coded IS DISTINCT FROM OLD.value_coded
              OR NEW.flag IS DISTINCT FROM OLD.flag OR NEW.verified_by IS DISTINCT FROM OLD.verified_by OR NEW.status <> OLD.status) THEN
        RAISE EXCEPTION 'A verified result is changed only by an amendment';
      END IF;
      RETURN NEW;
    END $$`);
  await sql(`CREATE TRIGGER lab_results_verified_immutable BEFORE UPDATE ON lab_results FOR EACH ROW EXECUTE FUNCTION lab_results_verified_immutable()`);
  await sql(`CREATE FUNCTION lab_result_amendments_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'Amendments are never changed or removed'; END $$`);
  await sql(`CREATE TRIGGER lab_result_amendments_append_only BEFORE UPDATE OR DELETE ON lab_result_amendments FOR EACH ROW EXECUTE FUNCTION lab_result_amendments_append_only()`);
}

export async function down({ sql }: MigrationContext) {
  await sql(`DROP TABLE lab_result_amendments`);
  await sql(`DROP TABLE lab_results`);
  await sql(`DROP TABLE specimens`);
  await sql(`DROP TABLE lab_orders`);
  await sql(`DROP TABLE lab_panels`);
  await sql(`DROP TABLE lab_tests`);
  await sql(`DROP FUNCTION lab_result_amendments_append_only()`);
  await sql(`DROP FUNCTION lab_results_verified_immutable()`);
  await sql(`DROP FUNCTION lab_result_amendments_apply()`);
  await sql(`DROP FUNCTION lab_orders_status_transition()`);
  await sql(`DROP FUNCTION specimens_assign_accession()`);
  await sql(`DROP FUNCTION lab_orders_assign_number()`);
  await sql(`DROP SEQUENCE specimens_accession_seq`);
  await sql(`DROP SEQUENCE lab_orders_number_seq`);
}
