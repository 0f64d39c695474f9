import { STANDARD_COLUMNS, type MigrationContext } from '../../../server/db/migrator.js';

export async function up({ sql }: MigrationContext) {
  await sql(`CREATE TABLE drugs (
    ${STANDARD_COLUMNS},
    generic_name text NOT NULL,
    strength text NOT NULL,
    strength_value numeric CHECK (strength_value > 0),
    strength_unit text,
    form text NOT NULL,
    route text NOT NULL CHECK (route IN ('oral', 'iv', 'im', 'sc', 'inhaled', 'topical', 'rectal', 'vaginal', 'ophthalmic', 'sublingual')),
    dispense_unit text NOT NULL,
    atc_code text NOT NULL CHECK (atc_code ~ '^[A-Z][0-9]{2}[A-Z]{0,2}[0-9]{0,2}$'),
    allergy_class text,
    controlled boolean NOT NULL DEFAULT false,
    price_code text NOT NULL,
    stock_item_id uuid REFERENCES stock_items(id),
    active boolean NOT NULL DEFAULT true
  )`);
  await sql(`CREATE UNIQUE INDEX drugs_price_code_key ON drugs (price_code)`);
  await sql(`CREATE INDEX drugs_name ON drugs (lower(generic_name))`);

  // A pair of ATC codes or ATC groups (a prefix such as M01A for all NSAIDs): data a pharmacist edits.
  await sql(`CREATE TABLE drug_interactions (
    ${STANDARD_COLUMNS},
    atc_a text NOT NULL CHECK (atc_a ~ '^[A-Z][0-9A-Z]{0,6}$'),
    atc_b text NOT NULL CHECK (atc_b ~ '^[A-Z][0-9A-Z]{0,6}$'),
    label_a text NOT NULL,
    label_b text NOT NULL,
    severity text NOT NULL CHECK (severity IN ('minor', 'moderate', 'major', 'contraindicated')),
    effect text NOT NULL,
    advice text NOT NULL
  )`);
  await sql(`CREATE UNIQUE INDEX drug_interactions_pair ON drug_interactions (least(atc_a, atc_b), greatest(atc_a, atc_b))`);

  await sql(`CREATE SEQUENCE prescriptions_number_seq`);
  await sql(`CREATE TABLE prescriptions (
    ${STANDARD_COLUMNS},
    number text NOT NULL DEFAULT 'RX' || lpad(nextval('prescriptions_number_seq')::text, 7, '0'),
    patient_id uuid NOT NULL REFERENCES patients(id),
    encounter_id uuid NOT NULL REFERENCES encounters(id),
    visit_id uuid REFERENCES visits(id),
    prescriber_id uuid NOT NULL REFERENCES users(id),
    status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'partially-dispensed', 'dispensed', 'cancelled')),
    warnings jsonb NOT NULL DEFAULT '[]',
    override_reason text,
    notes text,
    cancelled_reason text
  )`);
  await sql(`CREATE UNIQUE INDEX prescriptions_number_key ON prescriptions (number)`);
  await sql(`CREATE INDEX prescriptions_patient_active ON prescriptions (patient_id) WHERE status IN ('active', 'partially-dispensed')`);
  await sql(`CREATE INDEX prescriptions_queue ON prescriptions (status, created_at)`);
  await sql(`CREATE INDEX prescriptions_encounter ON prescriptions (encounter_id)`);

  await sql(`CREATE TABLE prescription_items (
    ${STANDARD_COLUMNS},
    prescription_id uuid NOT NULL REFERENCES prescriptions(id),
    drug_id uuid NOT NULL REFERENCES drugs(id),
    dose numeric NOT NULL CHECK (dose > 0),
    dose_unit text NOT NULL,
    route text NOT NULL,
    frequency text NOT NULL CHECK (frequency IN ('STAT', 'OD', 'BD', 'TDS', 'QID', 'NOCTE', 'PRN')),
    duration_days integer NOT NULL CHECK (duration_days BETWEEN 1 AND 365),
    quantity integer NOT NULL CHECK (quantity > 0),
    quantity_dispensed integer NOT NULL DEFAULT 0 CHECK (quantity_dispensed >= 0),
    instructions text,
    CHECK (quantity_dispensed <= quantity)
  )`);
  await sql(`CREATE INDEX prescription_items_prescription ON prescription_items (prescription_id)`);

  await sql(`CREATE SEQUENCE dispenses_number_seq`);
  await sql(`CREATE TABLE dispenses (
    ${STANDARD_COLUMNS},
    number text NOT NULL DEFAULT 'DSP' || lpad(nextval('dispenses_number_seq')::text, 7, '0'),
    prescription_id uuid NOT NULL REFERENCES prescriptions(id),
    patient_id uuid NOT NULL REFERENCES patients(id),
    location_code text NOT NULL,
    dispensed_by uuid NOT NULL REFERENCES users(id),
    dispensed_at timestamptz NOT NULL DEFAULT now(),
    label jsonb
  )`);
  await sql(`CREATE UNIQUE INDEX dispenses_number_key ON dispenses (number)`);
  await sql(`CREATE INDEX dispenses_prescription ON dispenses (prescription_id)`);

  await sql(`CREATE TABLE dispense_items (
    ${STANDARD_COLUMNS},
    dispense_id uuid NOT NULL REFERENCES dispenses(id),
    prescription_item_id uuid NOT NULL REFERENCES prescription_items(id),
    drug_id uuid NOT NULL REFERENCES drugs(id),
    quantity integer NOT NULL CHECK (quantity > 0),
    cost integer NOT NULL DEFAULT 0,
    batches jsonb NOT NULL DEFAULT '[]'
  )`);
  await sql(`CREATE INDEX dispense_items_dispense ON dispense_items (dispense_id)`);
}

export async function down({ sql }: MigrationContext) {
  await sql(`DROP TABLE dispense_items`);
  await sql(`DROP TABLE dispenses`);
  await sql(`DROP SEQUENCE dispenses_number_seq`);
  await sql(`DROP TABLE prescription_items`);
  await sql(`DROP TABLE prescriptions`);
  await sql(`DROP SEQUENCE prescriptions_number_seq`);
  await sql(`DROP TABLE drug_interactions`);
  await sql(`DROP TABLE drugs`);
}
