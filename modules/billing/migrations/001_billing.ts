import { STANDARD_COLUMNS, type MigrationContext } from '../../../server/db/migrator.js';

export async function up({ sql }: MigrationContext) {
  await sql(`CREATE TABLE price_lists (
    ${STANDARD_COLUMNS},
    code text NOT NULL,
    description text NOT NULL,
    department text NOT NULL,
    category text NOT NULL CHECK (category IN ('consultation', 'laboratory', 'imaging', 'drug', 'procedure', 'dental', 'other')),
    unit_price integer NOT NULL CHECK (unit_price >= 0),
    currency text NOT NULL,
    payer_prices jsonb NOT NULL DEFAULT '{}',
    active_from date NOT NULL DEFAULT current_date,
    active_to date,
    CHECK (active_to IS NULL OR active_to >= active_from)
  )`);
  await sql(`CREATE UNIQUE INDEX price_lists_code_key ON price_lists (code)`);

  await sql(`CREATE SEQUENCE invoices_number_seq`);
  await sql(`CREATE TABLE invoices (
    ${STANDARD_COLUMNS},
    number text NOT NULL DEFAULT 'INV' || lpad(nextval('invoices_number_seq')::text, 7, '0'),
    patient_id uuid NOT NULL REFERENCES patients(id),
    visit_id uuid REFERENCES visits(id),
    patient_mrn text,
    patient_name text,
    status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'issued', 'partially-paid', 'paid', 'void')),
    currency text NOT NULL,
    payer_code text,
    member_number text,
    total integer NOT NULL DEFAULT 0,
    discount_total integer NOT NULL DEFAULT 0,
    insurer_share integer NOT NULL DEFAULT 0,
    patient_share integer NOT NULL DEFAULT 0,
    patient_paid integer NOT NULL DEFAULT 0 CHECK (patient_paid >= 0),
    insurer_paid integer NOT NULL DEFAULT 0 CHECK (insurer_paid >= 0),
    issued_at timestamptz,
    issued_by uuid,
    voided_at timestamptz,
    voided_by uuid,
    void_reason text,
    CHECK (status <> 'void' OR (void_reason IS NOT NULL AND voided_by IS NOT NULL))
  )`);
  await sql(`CREATE UNIQUE INDEX invoices_number_key ON invoices (number)`);
  // Charges of a visit gather on one open (draft) invoice; without a visit, one per patient.
  await sql(`CREATE UNIQUE INDEX invoices_one_draft_per_visit ON invoices (visit_id) WHERE status = 'draft' AND visit_id IS NOT NULL`);
  await sql(`CREATE UNIQUE INDEX invoices_one_draft_per_patient ON invoices (patient_id) WHERE status = 'draft' AND visit_id IS NULL`);
  await sql(`CREATE INDEX invoices_patient ON invoices (patient_id)`);
  await sql(`CREATE INDEX invoices_visit ON invoices (visit_id)`);
  await sql(`CREATE INDEX invoices_status_issued ON invoices (status, issued_at)`);
  await sql(`CREATE INDEX invoices_search_trgm ON invoices USING gin ((lower(number || ' ' || coalesce(patient_mrn, '') || ' ' || coalesce(patient_name, ''))) gin_trgm_ops)`);

  await sql(`CREATE TABLE invoice_lines (
    ${STANDARD_COLUMNS},
    invoice_id uuid NOT NULL REFERENCES invoices(id),
    price_code text NOT NULL,
    description text NOT NULL,
    department text NOT NULL,
    quantity integer NOT NULL CHECK (quantity > 0),
    unit_price integer NOT NULL CHECK (unit_price >= 0),
    discount integer NOT NULL DEFAULT 0 CHECK (discount >= 0),
    amount integer NOT NULL CHECK (amount >= 0),
    insurer_amount integer NOT NULL DEFAULT 0 CHECK (insurer_amount >= 0),
    patient_amount integer NOT NULL CHECK (patient_amount >= 0),
    coverage_note text,
    priced boolean NOT NULL DEFAULT true,
    status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'cancelled')),
    source_resource text,
    source_id text,
    service_date date NOT NULL DEFAULT current_date,
    CHECK (discount <= quantity * unit_price),
    CHECK (amount = quantity * unit_price - discount),
    CHECK (insurer_amount + patient_amount = amount)
  )`);
  await sql(`CREATE INDEX invoice_lines_invoice ON invoice_lines (invoice_id)`);
  // One charge makes one line: a charge event delivered twice bills once.
  await sql(`CREATE UNIQUE INDEX invoice_lines_source ON invoice_lines (source_resource, source_id) WHERE status = 'active' AND source_id IS NOT NULL`);

  // Receipt numbers come from a counter row locked in the payment's transaction: a payment that
  // fails rolls its number back, so the sequence has no gaps (a bare sequence would).
  await sql(`CREATE TABLE billing_counters (name text PRIMARY KEY, value bigint NOT NULL CHECK (value >= 0))`);
  await sql(`INSERT INTO billing_counters (name, value) VALUES ('receipt', 0)`);

  await sql(`CREATE TABLE cash_sessions (
    ${STANDARD_COLUMNS},
    cashier_id uuid NOT NULL REFERENCES users(id),
    status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'pending-approval', 'closed')),
    opened_at timestamptz NOT NULL DEFAULT now(),
    opening_float integer NOT NULL CHECK (opening_float >= 0),
    closed_at timestamptz,
    expected_cash integer,
    counted_cash integer CHECK (counted_cash >= 0),
    difference integer,
    close_note text,
    approved_by uuid,
    approved_at timestamptz,
    approval_note text,
    CHECK (status = 'open' OR (counted_cash IS NOT NULL AND expected_cash IS NOT NULL AND difference = counted_cash - expected_cash))
  )`);
  await sql(`CREATE UNIQUE INDEX cash_sessions_one_open ON cash_sessions (cashier_id) WHERE status = 'open'`);

  await sql(`CREATE TABLE payments (
    ${STANDARD_COLUMNS},
    receipt_number text NOT NULL,
    invoice_id uuid NOT NULL REFERENCES invoices(id),
    patient_id uuid NOT NULL REFERENCES patients(id),
    kind text NOT NULL CHECK (kind IN ('payment', 'refund')),
    amount integer NOT NULL,
    method text NOT NULL CHECK (method IN ('cash', 'card', 'mobile-money')),
    reference text,
    reason text,
    refund_of uuid REFERENCES payments(id),
    cash_session_id uuid REFERENCES cash_sessions(id),
    received_by uuid NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((kind = 'payment' AND amount > 0 AND refund_of IS NULL) OR (kind = 'refund' AND amount < 0 AND reason IS NOT NULL AND refund_of IS NOT NULL)),
    CHECK (method <> 'cash' OR cash_session_id IS NOT NULL)
  )`);
  await sql(`CREATE UNIQUE INDEX payments_receipt_key ON payments (receipt_number)`);
  await sql(`CREATE INDEX payments_invoice ON payments (invoice_id)`);
  await sql(`CREATE INDEX payments_session ON payments (cash_session_id)`);
  await sql(`CREATE INDEX payments_received_at ON payments (received_at)`);
  // Payments are the books: they are never changed or removed, a refund is a new row.
  await sql(`CREATE FUNCTION payments_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'A payment is never changed or deleted; record a refund instead'; END $$`);
  await sql(`CREATE TRIGGER payments_no_change BEFORE UPDATE OR DELETE ON payments FOR EACH ROW EXECUTE FUNCTION payments_immutable()`);
}

export async function down({ sql }: MigrationContext) {
  await sql(`DROP TABLE payments`);
  await sql(`DROP FUNCTION payments_immutable()`);
  await sql(`DROP TABLE cash_sessions`);
  await sql(`DROP TABLE billing_counters`);
  await sql(`DROP TABLE invoice_lines`);
  await sql(`DROP TABLE invoices`);
  await sql(`DROP SEQUENCE invoices_number_seq`);
  await sql(`DROP TABLE price_lists`);
}
