import { STANDARD_COLUMNS, type MigrationContext } from '../../../server/db/migrator.js';

export async function up({ sql }: MigrationContext) {
  await sql(`CREATE SEQUENCE patients_mrn_seq`);
  // Luhn check digit over the digits of the MRN: a single mistyped digit is caught.
  await sql(`CREATE FUNCTION luhn_check_digit(digits text) RETURNS integer LANGUAGE plpgsql IMMUTABLE AS $$
    DECLARE s integer := 0; d integer; dbl boolean := true;
    BEGIN
      FOR i IN REVERSE length(digits)..1 LOOP
        d := substr(digits, i, 1)::integer;
        IF dbl THEN d := d * 2; IF d > 9 THEN d := d - 9; END IF; END IF;
        s := s + d; dbl := NOT dbl;
      END LOOP;
      RETURN (10 - s % 10) % 10;
    END $$`);
  // The database assigns the MRN (facility code + sequence + check digit): unique, never reused.
  await sql(`CREATE FUNCTION patients_assign_mrn() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE code text; num text;
    BEGIN
      SELECT value INTO code FROM facility_settings WHERE key = 'facility_code';
      num := lpad(nextval('patients_mrn_seq')::text, 7, '0');
      NEW.mrn := coalesce(code, 'PHC') || num || luhn_check_digit(num)::text;
      RETURN NEW;
    END $$`);
  await sql(`CREATE TABLE patients (
    ${STANDARD_COLUMNS},
    mrn text NOT NULL,
    given_name text NOT NULL,
    middle_name text,
    family_name text NOT NULL,
    sex text NOT NULL CHECK (sex IN ('female', 'male', 'other', 'unknown')),
    birth_date date NOT NULL,
    birth_date_estimated boolean NOT NULL DEFAULT false,
    national_id text,
    phone text,
    email text,
    address text,
    city text,
    next_of_kin_name text,
    next_of_kin_phone text,
    next_of_kin_relationship text,
    blood_group text CHECK (blood_group IN ('A+','A-','B+','B-','AB+','AB-','O+','O-')),
    status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'deceased', 'merged')),
    deceased_on date,
    merged_into uuid REFERENCES patients(id),
    search_text text GENERATED ALWAYS AS (
      lower(mrn || ' ' || given_name || ' ' || coalesce(middle_name, '') || ' ' || family_name || ' ' || coalesce(phone, '') || ' ' || coalesce(national_id, ''))
    ) STORED
  )`);
  await sql(`CREATE TRIGGER patients_mrn BEFORE INSERT ON patients FOR EACH ROW EXECUTE FUNCTION patients_assign_mrn()`);
  await sql(`CREATE FUNCTION patients_mrn_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN IF NEW.mrn IS DISTINCT FROM OLD.mrn THEN RAISE EXCEPTION 'The MRN of a patient never changes'; END IF; RETURN NEW; END $$`);
  await sql(`CREATE TRIGGER patients_mrn_fixed BEFORE UPDATE ON patients FOR EACH ROW EXECUTE FUNCTION patients_mrn_immutable()`);
  await sql(`CREATE UNIQUE INDEX patients_mrn_key ON patients (mrn)`);
  await sql(`CREATE UNIQUE INDEX patients_national_id_key ON patients (national_id) WHERE national_id IS NOT NULL`);
  await sql(`CREATE INDEX patients_search_trgm ON patients USING gin (search_text gin_trgm_ops)`);
  await sql(`CREATE INDEX patients_name_trgm ON patients USING gin ((lower(given_name || ' ' || family_name)) gin_trgm_ops)`);
  await sql(`CREATE INDEX patients_birth_date ON patients (birth_date)`);
  await sql(`CREATE INDEX patients_family_name ON patients (family_name, given_name)`);
  await sql(`CREATE INDEX patients_created_at ON patients (created_at)`);

  await sql(`CREATE TABLE patient_allergies (
    ${STANDARD_COLUMNS},
    patient_id uuid NOT NULL REFERENCES patients(id),
    substance text NOT NULL,
    allergy_class text,
    reaction text,
    severity text NOT NULL CHECK (severity IN ('mild', 'moderate', 'severe', 'life-threatening')),
    status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive', 'refuted')),
    noted_on date,
    notes text
  )`);
  await sql(`CREATE INDEX patient_allergies_patient ON patient_allergies (patient_id)`);
  await sql(`CREATE TABLE patient_insurances (
    ${STANDARD_COLUMNS},
    patient_id uuid NOT NULL REFERENCES patients(id),
    payer_code text NOT NULL,
    payer_name text NOT NULL,
    member_number text NOT NULL,
    plan text,
    valid_from date NOT NULL,
    valid_to date,
    is_primary boolean NOT NULL DEFAULT true,
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
  )`);
  await sql(`CREATE INDEX patient_insurances_patient ON patient_insurances (patient_id)`);
  await sql(`CREATE UNIQUE INDEX patient_insurances_member ON patient_insurances (payer_code, member_number)`);
}

export async function down({ sql }: MigrationContext) {
  await sql(`DROP TABLE patient_insurances`);
  await sql(`DROP TABLE patient_allergies`);
  await sql(`DROP TABLE patients`);
  await sql(`DROP FUNCTION patients_mrn_immutable()`);
  await sql(`DROP FUNCTION patients_assign_mrn()`);
  await sql(`DROP FUNCTION luhn_check_digit(text)`);
  await sql(`DROP SEQUENCE patients_mrn_seq`);
}
