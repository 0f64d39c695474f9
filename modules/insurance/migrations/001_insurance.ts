import { STANDARD_COLUMNS, type MigrationContext } from '../../../server/db/migrator.js';

export async function up({ sql }: MigrationContext) {
  await sql(`CREATE TABLE insurance_payers (
    ${STANDARD_COLUMNS},
    code text NOT NULL CHECK (code ~ '^[A-Z0-9-]{2,30}$'),
    name text NOT NULL,
    copay_percent integer NOT NULL CHECK (copay_percent BETWEEN 0 AND 100),
    excluded_price_codes text[] NOT NULL DEFAULT '{}',
    contact_name text,
    contact_phone text,
    contact_email text,
    address text,
    active boolean NOT NULL DEFAULT true
  )`);
  await sql(`CREATE UNIQUE INDEX insurance_payers_code_key ON insurance_payers (code)`);

  await sql(`CREATE SEQUENCE insurance_claims_number_seq`);
  await sql(`CREATE TABLE insurance_claims (
    ${STANDARD_COLUMNS},
    number text NOT NULL DEFAULT 'CLM' || lpad(nextval('insurance_claims_number_seq')::text, 6, '0'),
    payer_id uuid NOT NULL REFERENCES insurance_payers(id),
    payer_code text NOT NULL,
    period_from date NOT NULL,
    period_to date NOT NULL,
    status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'approved', 'partially-approved', 'rejected', 'paid')),
    claimed_total integer NOT NULL DEFAULT 0 CHECK (claimed_total >= 0),
    approved_total integer CHECK (approved_total >= 0 AND approved_total <= claimed_total),
    paid_total integer NOT NULL DEFAULT 0 CHECK (paid_total >= 0 AND paid_total <= coalesce(approved_total, 0)),
    submitted_at timestamptz,
    submitted_by uuid,
    adjudicated_at timestamptz,
    paid_at timestamptz,
    CHECK (period_to >= period_from)
  )`);
  await sql(`CREATE UNIQUE INDEX insurance_claims_number_key ON insurance_claims (number)`);
  await sql(`CREATE INDEX insurance_claims_payer ON insurance_claims (payer_id, period_from)`);

  await sql(`CREATE TABLE insurance_claim_lines (
    ${STANDARD_COLUMNS},
    claim_id uuid NOT NULL REFERENCES insurance_claims(id),
    invoice_id uuid NOT NULL REFERENCES invoices(id),
    invoice_line_id uuid NOT NULL REFERENCES invoice_lines(id),
    invoice_number text NOT NULL,
    patient_id uuid NOT NULL REFERENCES patients(id),
    patient_mrn text,
    patient_name text,
    member_number text,
    service_date date NOT NULL,
    price_code text NOT NULL,
    description text NOT NULL,
    quantity integer NOT NULL,
    amount_claimed integer NOT NULL CHECK (amount_claimed > 0),
    amount_approved integer CHECK (amount_approved >= 0 AND amount_approved <= amount_claimed),
    amount_paid integer NOT NULL DEFAULT 0 CHECK (amount_paid >= 0 AND amount_paid <= coalesce(amount_approved, 0)),
    rejection_reason text,
    CHECK (amount_approved IS NULL OR amount_approved = amount_claimed OR rejection_reason IS NOT NULL)
  )`);
  // An invoice line is claimed once.
  await sql(`CREATE UNIQUE INDEX insurance_claim_lines_invoice_line ON insurance_claim_lines (invoice_line_id)`);
  await sql(`CREATE INDEX insurance_claim_lines_claim ON insurance_claim_lines (claim_id)`);

  await sql(`CREATE TABLE insurance_remittances (
    ${STANDARD_COLUMNS},
    claim_id uuid NOT NULL REFERENCES insurance_claims(id),
    amount integer NOT NULL CHECK (amount > 0),
    reference text NOT NULL,
    received_on date NOT NULL,
    note text
  )`);
  await sql(`CREATE INDEX insurance_remittances_claim ON insurance_remittances (claim_id)`);
}

export async function down({ sql }: MigrationContext) {
  await sql(`DROP TABLE insurance_remittances`);
  await sql(`DROP TABLE insurance_claim_lines`);
  await sql(`DROP TABLE insurance_claims`);
  await sql(`DROP SEQUENCE insurance_claims_number_seq`);
  await sql(`DROP TABLE insurance_payers`);
}
