import { STANDARD_COLUMNS, type MigrationContext } from '../../../server/db/migrator.js';

export async function up({ sql }: MigrationContext) {
  await sql(`CREATE TABLE imaging_studies (
    ${STANDARD_COLUMNS},
    code text NOT NULL,
    name text NOT NULL,
    modality text NOT NULL CHECK (modality IN ('x-ray', 'ultrasound', 'ct', 'mri', 'mammography', 'fluoroscopy')),
    body_part text NOT NULL,
    price_code text NOT NULL,
    turnaround_minutes integer NOT NULL DEFAULT 1440 CHECK (turnaround_minutes > 0),
    preparation text,
    active boolean NOT NULL DEFAULT true
  )`);
  await sql(`CREATE UNIQUE INDEX imaging_studies_code_key ON imaging_studies (code)`);

  await sql(`CREATE SEQUENCE imaging_orders_number_seq`);
  await sql(`CREATE FUNCTION imaging_orders_assign_number() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE num text;
    BEGIN num := lpad(nextval('imaging_orders_number_seq')::text, 7, '0'); NEW.order_number := 'IO' || num || luhn_check_digit(num)::text; RETURN NEW; END $$`);
  await sql(`CREATE TABLE imaging_orders (
    ${STANDARD_COLUMNS},
    order_number text NOT NULL,
    patient_id uuid NOT NULL REFERENCES patients(id),
    encounter_id uuid NOT NULL REFERENCES encounters(id),
    study_id uuid NOT NULL REFERENCES imaging_studies(id),
    ordered_by uuid NOT NULL REFERENCES users(id),
    priority text NOT NULL DEFAULT 'routine' CHECK (priority IN ('routine', 'urgent', 'stat')),
    clinical_indication text NOT NULL CHECK (length(trim(clinical_indication)) > 0),
    status text NOT NULL DEFAULT 'ordered' CHECK (status IN ('ordered', 'scheduled', 'performed', 'reported', 'verified', 'cancelled')),
    ordered_at timestamptz NOT NULL DEFAULT now(),
    due_at timestamptz NOT NULL,
    scheduled_at timestamptz,
    room text,
    performed_at timestamptz,
    performed_by uuid REFERENCES users(id),
    reported_at timestamptz,
    verified_at timestamptz,
    verified_by uuid REFERENCES users(id),
    cancelled_at timestamptz,
    cancelled_by uuid REFERENCES users(id),
    cancel_reason text,
    CHECK (status <> 'cancelled' OR length(trim(coalesce(cancel_reason, ''))) > 0)
  )`);
  await sql(`CREATE TRIGGER imaging_orders_number BEFORE INSERT ON imaging_orders FOR EACH ROW EXECUTE FUNCTION imaging_orders_assign_number()`);
  await sql(`CREATE UNIQUE INDEX imaging_orders_number_key ON imaging_orders (order_number)`);
  await sql(`CREATE INDEX imaging_orders_worklist ON imaging_orders (status, priority, ordered_at)`);
  await sql(`CREATE INDEX imaging_orders_patient ON imaging_orders (patient_id, ordered_at DESC)`);
  await sql(`CREATE FUNCTION imaging_orders_status_transition() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.status = OLD.status THEN RETURN NEW; END IF;
      IF (OLD.status, NEW.status) IN (
        ('ordered', 'scheduled'), ('ordered', 'performed'), ('ordered', 'cancelled'),
        ('scheduled', 'performed'), ('scheduled', 'cancelled'),
        ('performed', 'reported'), ('reported', 'verified')
      ) THEN RETURN NEW; END IF;
      RAISE EXCEPTION 'An imaging order cannot go from % to %', OLD.status, NEW.status;
    END $$`);
  await sql(`CREATE TRIGGER imaging_orders_status BEFORE UPDATE OF status ON imaging_orders FOR EACH ROW EXECUTE FUNCTION imaging_orders_status_transition()`);

  await sql(`CREATE TABLE imaging_reports (
    ${STANDARD_COLUMNS},
    order_id uuid NOT NULL REFERENCES imaging_orders(id),
    author_id uuid NOT NULL REFERENCES users(id),
    findings text NOT NULL DEFAULT '',
    impression text NOT NULL DEFAULT '',
    signed_at timestamptz,
    signed_by uuid REFERENCES users(id),
    CHECK (signed_at IS NULL OR (length(trim(findings)) > 0 AND length(trim(impression)) > 0))
  )`);
  await sql(`CREATE UNIQUE INDEX imaging_reports_order_key ON imaging_reports (order_id)`);
  // A signed report is a legal record: the database refuses any change; addenda add to it.
  await sql(`CREATE FUNCTION imaging_reports_signed_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF OLD.signed_at IS NOT NULL THEN RAISE EXCEPTION 'A signed imaging report is never changed; add an addendum'; END IF;
      RETURN NEW;
    END $$`);
  await sql(`CREATE TRIGGER imaging_reports_signed BEFORE UPDATE OR DELETE ON imaging_reports FOR EACH ROW EXECUTE FUNCTION imaging_reports_signed_immutable()`);

  await sql(`CREATE TABLE imaging_report_addenda (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    report_id uuid NOT NULL REFERENCES imaging_reports(id),
    author_id uuid NOT NULL REFERENCES users(id),
    text text NOT NULL CHECK (length(trim(text)) > 0),
    created_at timestamptz NOT NULL DEFAULT now()
  )`);
  await sql(`CREATE INDEX imaging_report_addenda_report ON imaging_report_addenda (report_id, created_at)`);
  await sql(`CREATE FUNCTION imaging_report_addenda_rules() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP <> 'INSERT' THEN RAISE EXCEPTION 'Addenda are never changed or removed'; END IF;
      IF NOT EXISTS (SELECT 1 FROM imaging_reports WHERE id = NEW.report_id AND signed_at IS NOT NULL) THEN
        RAISE EXCEPTION 'Addenda are added to signed reports; edit a draft directly';
      END IF;
      RETURN NEW;
    END $$`);
  await sql(`CREATE TRIGGER imaging_report_addenda_rules BEFORE INSERT OR UPDATE OR DELETE ON imaging_report_addenda FOR EACH ROW EXECUTE FUNCTION imaging_report_addenda_rules()`);
}

export async function down({ sql }: MigrationContext) {
  await sql(`DROP TABLE imaging_report_addenda`);
  await sql(`DROP TABLE imaging_reports`);
  await sql(`DROP TABLE imaging_orders`);
  await sql(`DROP TABLE imaging_studies`);
  await sql(`DROP FUNCTION imaging_report_addenda_rules()`);
  await sql(`DROP FUNCTION imaging_reports_signed_immutable()`);
  await sql(`DROP FUNCTION imaging_orders_status_transition()`);
  await sql(`DROP FUNCTION imaging_orders_assign_number()`);
  await sql(`DROP SEQUENCE imaging_orders_number_seq`);
}
