import { STANDARD_COLUMNS, type MigrationContext } from '../../../server/db/migrator.js';

export async function up({ sql }: MigrationContext) {
  await sql(`CREATE TABLE icd10_codes (
    ${STANDARD_COLUMNS},
    code text NOT NULL CHECK (code ~ '^[A-Z][0-9]{2}(\\.[0-9A-Z]{1,4})?$'),
    title text NOT NULL,
    chapter text NOT NULL,
    active boolean NOT NULL DEFAULT true,
    search_text text GENERATED ALWAYS AS (lower(code || ' ' || title)) STORED
  )`);
  await sql(`CREATE UNIQUE INDEX icd10_codes_code_key ON icd10_codes (code)`);
  // Code-prefix search ("J0" -> J00, J01, ...) walks this btree; word search uses the trigrams.
  await sql(`CREATE INDEX icd10_codes_code_prefix ON icd10_codes (code text_pattern_ops)`);
  await sql(`CREATE INDEX icd10_codes_search_trgm ON icd10_codes USING gin (search_text gin_trgm_ops)`);

  await sql(`CREATE TABLE encounters (
    ${STANDARD_COLUMNS},
    patient_id uuid NOT NULL REFERENCES patients(id),
    visit_id uuid REFERENCES visits(id),
    clinic_id uuid REFERENCES clinics(id),
    physician_id uuid NOT NULL REFERENCES users(id),
    type text NOT NULL DEFAULT 'general' CHECK (type IN ('general', 'dental')),
    status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    chief_complaint text,
    started_at timestamptz NOT NULL DEFAULT now(),
    ended_at timestamptz,
    CHECK (ended_at IS NULL OR ended_at >= started_at),
    CHECK ((status = 'closed') = (ended_at IS NOT NULL))
  )`);
  // The patient chart pages through a patient's encounters newest first by (started_at, id).
  await sql(`CREATE INDEX encounters_patient_started ON encounters (patient_id, started_at DESC, id DESC)`);
  await sql(`CREATE INDEX encounters_visit ON encounters (visit_id)`);
  await sql(`CREATE INDEX encounters_started ON encounters (started_at)`);
  await sql(`CREATE INDEX encounters_physician_open ON encounters (physician_id) WHERE status = 'open'`);

  await sql(`CREATE TABLE soap_notes (
    ${STANDARD_COLUMNS},
    encounter_id uuid NOT NULL REFERENCES encounters(id),
    author_id uuid NOT NULL REFERENCES users(id),
    subjective text,
    objective text,
    assessment text,
    plan text,
    signed_at timestamptz,
    signed_by uuid REFERENCES users(id),
    CHECK ((signed_at IS NULL) = (signed_by IS NULL))
  )`);
  await sql(`CREATE INDEX soap_notes_encounter ON soap_notes (encounter_id)`);
  // A signed note is a legal record: whatever path a change takes, the database refuses it.
  await sql(`CREATE FUNCTION soap_notes_signed_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'Clinical notes are never deleted'; END IF;
      IF OLD.signed_at IS NOT NULL THEN
        RAISE EXCEPTION 'This note was signed on % and can no longer be changed; add an addendum instead', to_char(OLD.signed_at, 'YYYY-MM-DD HH24:MI');
      END IF;
      RETURN NEW;
    END $$`);
  await sql(`CREATE TRIGGER soap_notes_immutable BEFORE UPDATE OR DELETE ON soap_notes
    FOR EACH ROW EXECUTE FUNCTION soap_notes_signed_immutable()`);

  await sql(`CREATE TABLE soap_note_addenda (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    soap_note_id uuid NOT NULL REFERENCES soap_notes(id),
    author_id uuid NOT NULL REFERENCES users(id),
    text text NOT NULL CHECK (length(btrim(text)) > 0),
    created_at timestamptz NOT NULL DEFAULT now()
  )`);
  await sql(`CREATE INDEX soap_note_addenda_note ON soap_note_addenda (soap_note_id, created_at)`);
  await sql(`CREATE FUNCTION soap_note_addenda_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'Addenda are never changed or removed'; END $$`);
  await sql(`CREATE TRIGGER soap_note_addenda_append_only BEFORE UPDATE OR DELETE ON soap_note_addenda
    FOR EACH ROW EXECUTE FUNCTION soap_note_addenda_append_only()`);

  await sql(`CREATE TABLE encounter_diagnoses (
    ${STANDARD_COLUMNS},
    encounter_id uuid NOT NULL REFERENCES encounters(id),
    code text NOT NULL REFERENCES icd10_codes(code),
    -- The title as coded at the time, so the record reads the same if the catalogue changes.
    title text NOT NULL,
    rank text NOT NULL DEFAULT 'primary' CHECK (rank IN ('primary', 'secondary')),
    certainty text NOT NULL DEFAULT 'confirmed' CHECK (certainty IN ('provisional', 'confirmed', 'differential', 'ruled-out')),
    notes text
  )`);
  await sql(`CREATE INDEX encounter_diagnoses_encounter ON encounter_diagnoses (encounter_id)`);
  await sql(`CREATE INDEX encounter_diagnoses_code ON encounter_diagnoses (code, created_at)`);
  await sql(`CREATE UNIQUE INDEX encounter_diagnoses_one_primary ON encounter_diagnoses (encounter_id) WHERE rank = 'primary'`);
}

export async function down({ sql }: MigrationContext) {
  await sql(`DROP TABLE encounter_diagnoses`);
  await sql(`DROP TABLE soap_note_addenda`);
  await sql(`DROP FUNCTION soap_note_addenda_append_only()`);
  await sql(`DROP TABLE soap_notes`);
  await sql(`DROP FUNCTION soap_notes_signed_immutable()`);
  await sql(`DROP TABLE encounters`);
  await sql(`DROP TABLE icd10_codes`);
}
