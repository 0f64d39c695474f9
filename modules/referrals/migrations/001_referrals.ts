import { STANDARD_COLUMNS, type MigrationContext } from '../../../server/db/migrator.js';

export async function up({ sql }: MigrationContext) {
  await sql(`CREATE TABLE facilities (
    ${STANDARD_COLUMNS},
    code text NOT NULL CHECK (code ~ '^[A-Z0-9-]{2,20}$'),
    name text NOT NULL,
    level text NOT NULL CHECK (level IN ('primary', 'secondary', 'tertiary', 'specialist')),
    specialties text[] NOT NULL DEFAULT '{}',
    contact_name text,
    phone text,
    email text,
    address text,
    external boolean NOT NULL DEFAULT true,
    active boolean NOT NULL DEFAULT true
  )`);
  // Routing rules name facilities by code.
  await sql(`CREATE UNIQUE INDEX facilities_code_key ON facilities (code)`);

  await sql(`CREATE SEQUENCE referrals_number_seq`);
  await sql(`CREATE TABLE referrals (
    ${STANDARD_COLUMNS},
    number text NOT NULL DEFAULT 'REF' || lpad(nextval('referrals_number_seq')::text, 6, '0'),
    patient_id uuid NOT NULL REFERENCES patients(id),
    encounter_id uuid REFERENCES encounters(id),
    referred_by uuid NOT NULL REFERENCES users(id),
    reason text NOT NULL,
    clinical_summary text,
    specialty text NOT NULL,
    urgency text NOT NULL CHECK (urgency IN ('routine', 'urgent', 'emergency')),
    requested_destination_id uuid REFERENCES facilities(id),
    destination_id uuid REFERENCES facilities(id),
    priority text,
    status text NOT NULL DEFAULT 'draft'
      CHECK (status IN ('draft', 'pending_approval', 'sent', 'accepted', 'rejected', 'completed')),
    routed_by text,
    -- Minutes the destination has to answer once the referral is sent (rule set's sla.set).
    respond_min integer CHECK (respond_min > 0),
    approval_comment text,
    letter_attachment_id uuid REFERENCES attachments(id),
    submitted_at timestamptz,
    sent_at timestamptz,
    answer_due_at timestamptz,
    escalated_at timestamptz,
    answered_at timestamptz,
    reply text,
    appointment_at timestamptz,
    completed_at timestamptz,
    outcome text,
    CHECK (status IN ('draft') OR destination_id IS NOT NULL),
    CHECK (status NOT IN ('sent', 'accepted', 'rejected', 'completed') OR sent_at IS NOT NULL),
    CHECK (status NOT IN ('accepted', 'rejected', 'completed') OR (answered_at IS NOT NULL AND reply IS NOT NULL))
  )`);
  // The life of a referral only moves forward. Back to draft only before any answer: a refused
  // approval, or a submission undone by its workflow's compensation.
  await sql(`CREATE FUNCTION referrals_status_flow() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.status IS DISTINCT FROM OLD.status AND NOT (OLD.status, NEW.status) IN (
        ('draft', 'pending_approval'), ('draft', 'sent'), ('pending_approval', 'sent'), ('pending_approval', 'draft'),
        ('sent', 'accepted'), ('sent', 'rejected'), ('accepted', 'completed')
      ) AND NOT (OLD.status = 'sent' AND NEW.status = 'draft' AND OLD.answered_at IS NULL) THEN
        RAISE EXCEPTION 'A referral cannot go from % to %', OLD.status, NEW.status;
      END IF;
      RETURN NEW;
    END $$`);
  await sql(`CREATE TRIGGER referrals_status_flow BEFORE UPDATE ON referrals FOR EACH ROW EXECUTE FUNCTION referrals_status_flow()`);
  await sql(`CREATE UNIQUE INDEX referrals_number_key ON referrals (number)`);
  await sql(`CREATE INDEX referrals_patient ON referrals (patient_id)`);
  await sql(`CREATE INDEX referrals_referred_by ON referrals (referred_by)`);
  await sql(`CREATE INDEX referrals_status ON referrals (status, destination_id)`);
  await sql(`CREATE INDEX referrals_overdue ON referrals (answer_due_at) WHERE status = 'sent' AND escalated_at IS NULL`);
}

export async function down({ sql }: MigrationContext) {
  await sql(`DROP TABLE referrals`);
  await sql(`DROP FUNCTION referrals_status_flow()`);
  await sql(`DROP SEQUENCE referrals_number_seq`);
  await sql(`DROP TABLE facilities`);
}
