import { STANDARD_COLUMNS, type MigrationContext } from '../../../server/db/migrator.js';

export async function up({ sql }: MigrationContext) {
  // FDI two-digit notation: quadrant 1-4 permanent (teeth 1-8), 5-8 primary (teeth 1-5).
  await sql(`CREATE FUNCTION dental_fdi_tooth(t integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT t / 10 BETWEEN 1 AND 8 AND t % 10 BETWEEN 1 AND CASE WHEN t / 10 <= 4 THEN 8 ELSE 5 END $$`);

  await sql(`CREATE TABLE dental_charts (
    ${STANDARD_COLUMNS},
    patient_id uuid NOT NULL REFERENCES patients(id),
    dentition text NOT NULL DEFAULT 'permanent' CHECK (dentition IN ('permanent', 'primary', 'mixed')),
    -- [{ tooth, condition, surfaces: [..], notes }]: validated per tooth and surface by the API;
    -- every change is kept in the audit trail (before/after).
    findings jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(findings) = 'array'),
    notes text
  )`);
  await sql(`CREATE UNIQUE INDEX dental_charts_patient_key ON dental_charts (patient_id)`);

  await sql(`CREATE TABLE dental_procedures (
    ${STANDARD_COLUMNS},
    patient_id uuid NOT NULL REFERENCES patients(id),
    encounter_id uuid REFERENCES encounters(id),
    tooth integer CHECK (tooth IS NULL OR dental_fdi_tooth(tooth)),
    surfaces text[] NOT NULL DEFAULT '{}' CHECK (surfaces <@ ARRAY['M', 'O', 'D', 'B', 'L', 'I']),
    procedure_code text NOT NULL,
    description text NOT NULL,
    price_code text NOT NULL,
    status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'done', 'cancelled')),
    performed_at timestamptz,
    performed_by uuid REFERENCES users(id),
    notes text,
    CHECK ((status = 'done') = (performed_at IS NOT NULL AND encounter_id IS NOT NULL))
  )`);
  await sql(`CREATE INDEX dental_procedures_patient ON dental_procedures (patient_id, created_at)`);
  await sql(`CREATE INDEX dental_procedures_encounter ON dental_procedures (encounter_id)`);
  await sql(`CREATE INDEX dental_procedures_performed ON dental_procedures (performed_at) WHERE status = 'done'`);
}

export async function down({ sql }: MigrationContext) {
  await sql(`DROP TABLE dental_procedures`);
  await sql(`DROP TABLE dental_charts`);
  await sql(`DROP FUNCTION dental_fdi_tooth(integer)`);
}
