import { STANDARD_COLUMNS, type MigrationContext } from '../../../server/db/migrator.js';

export async function up({ sql }: MigrationContext) {
  // One row per clinic and day: check-in increments it in its transaction, so tokens are
  // gap-free and two concurrent check-ins wait on the row instead of sharing a number.
  await sql(`CREATE TABLE visit_token_counters (
    clinic_id uuid NOT NULL REFERENCES clinics(id),
    queue_date date NOT NULL,
    last_number integer NOT NULL DEFAULT 0,
    PRIMARY KEY (clinic_id, queue_date)
  )`);
  await sql(`CREATE TABLE visits (
    ${STANDARD_COLUMNS},
    patient_id uuid NOT NULL REFERENCES patients(id),
    clinic_id uuid NOT NULL REFERENCES clinics(id),
    appointment_id uuid REFERENCES appointments(id),
    queue_date date NOT NULL,
    token_number integer NOT NULL CHECK (token_number > 0),
    token text NOT NULL,
    queue_status text NOT NULL DEFAULT 'waiting'
      CHECK (queue_status IN ('waiting', 'called', 'in-consultation', 'done', 'left')),
    priority text NOT NULL DEFAULT 'routine' CHECK (priority IN ('emergency', 'very-urgent', 'urgent', 'routine')),
    -- 1 = emergency ... 4 = routine: the queue sorts on it, then on arrival.
    priority_rank integer GENERATED ALWAYS AS (
      CASE priority WHEN 'emergency' THEN 1 WHEN 'very-urgent' THEN 2 WHEN 'urgent' THEN 3 ELSE 4 END
    ) STORED,
    arrived_at timestamptz NOT NULL DEFAULT now(),
    called_at timestamptz,
    started_at timestamptz,
    completed_at timestamptz,
    left_at timestamptz,
    called_by uuid REFERENCES users(id),
    provider_id uuid REFERENCES users(id),
    notes text
  )`);
  await sql(`CREATE UNIQUE INDEX visits_token_key ON visits (clinic_id, queue_date, token_number)`);
  await sql(`CREATE UNIQUE INDEX visits_appointment_key ON visits (appointment_id) WHERE appointment_id IS NOT NULL`);
  await sql(`CREATE INDEX visits_queue ON visits (clinic_id, queue_date, queue_status, priority_rank, arrived_at)`);
  await sql(`CREATE INDEX visits_patient ON visits (patient_id, arrived_at)`);
}

export async function down({ sql }: MigrationContext) {
  await sql(`DROP TABLE visits`);
  await sql(`DROP TABLE visit_token_counters`);
}
