import { STANDARD_COLUMNS, type MigrationContext } from '../../../server/db/migrator.js';

export async function up({ sql }: MigrationContext) {
  // The ranges repeat the API's physiological limits (modules/triage/vital-ranges.ts): a value
  // outside them is a typo, and the database refuses it whatever the path it came by.
  await sql(`CREATE TABLE vital_signs (
    ${STANDARD_COLUMNS},
    visit_id uuid NOT NULL REFERENCES visits(id),
    patient_id uuid NOT NULL REFERENCES patients(id),
    taken_at timestamptz NOT NULL DEFAULT now(),
    systolic integer CHECK (systolic BETWEEN 40 AND 300),
    diastolic integer CHECK (diastolic BETWEEN 20 AND 200),
    pulse integer CHECK (pulse BETWEEN 20 AND 250),
    respiratory_rate integer CHECK (respiratory_rate BETWEEN 4 AND 80),
    temperature real CHECK (temperature BETWEEN 30 AND 45),
    spo2 integer CHECK (spo2 BETWEEN 50 AND 100),
    weight_kg real CHECK (weight_kg BETWEEN 0.3 AND 400),
    height_cm real CHECK (height_cm BETWEEN 20 AND 250),
    bmi real,
    pain_score integer CHECK (pain_score BETWEEN 0 AND 10),
    blood_glucose real CHECK (blood_glucose BETWEEN 1 AND 40),
    notes text,
    CHECK (systolic IS NULL OR diastolic IS NULL OR systolic > diastolic)
  )`);
  await sql(`CREATE INDEX vital_signs_visit ON vital_signs (visit_id)`);
  await sql(`CREATE INDEX vital_signs_patient ON vital_signs (patient_id, taken_at)`);

  await sql(`CREATE TABLE triage_assessments (
    ${STANDARD_COLUMNS},
    visit_id uuid NOT NULL REFERENCES visits(id),
    patient_id uuid NOT NULL REFERENCES patients(id),
    vital_signs_id uuid REFERENCES vital_signs(id),
    chief_complaint text NOT NULL,
    danger_signs text[] NOT NULL DEFAULT '{}',
    computed_priority text NOT NULL CHECK (computed_priority IN ('emergency', 'very-urgent', 'urgent', 'routine')),
    priority text NOT NULL CHECK (priority IN ('emergency', 'very-urgent', 'urgent', 'routine')),
    override_reason text,
    decided_by text,
    -- Overriding the rules' priority is allowed, never silently.
    CHECK (priority = computed_priority OR override_reason IS NOT NULL)
  )`);
  await sql(`CREATE INDEX triage_assessments_visit ON triage_assessments (visit_id, created_at)`);
  await sql(`CREATE INDEX triage_assessments_patient ON triage_assessments (patient_id)`);
}

export async function down({ sql }: MigrationContext) {
  await sql(`DROP TABLE triage_assessments`);
  await sql(`DROP TABLE vital_signs`);
}
