import { STANDARD_COLUMNS, type MigrationContext } from '../../../server/db/migrator.js';

export async function up({ sql }: MigrationContext) {
  await sql(`CREATE TABLE clinics (
    ${STANDARD_COLUMNS},
    code text NOT NULL CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{0,15}$'),
    name text NOT NULL,
    department text NOT NULL DEFAULT 'outpatient',
    token_prefix text NOT NULL CHECK (token_prefix ~ '^[A-Z]$'),
    -- Schedules and the queue day are local to the clinic, whatever the server's zone.
    time_zone text NOT NULL DEFAULT 'UTC',
    opens_at time NOT NULL DEFAULT '08:00',
    closes_at time NOT NULL DEFAULT '17:00',
    open_days integer[] NOT NULL DEFAULT '{1,2,3,4,5}',
    active boolean NOT NULL DEFAULT true,
    CHECK (closes_at > opens_at)
  )`);
  await sql(`CREATE UNIQUE INDEX clinics_code_key ON clinics (code)`);

  await sql(`CREATE TABLE provider_schedules (
    ${STANDARD_COLUMNS},
    clinic_id uuid NOT NULL REFERENCES clinics(id),
    provider_id uuid NOT NULL REFERENCES users(id),
    -- ISO weekday: 1 = Monday ... 7 = Sunday.
    weekday integer NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    start_time time NOT NULL,
    end_time time NOT NULL,
    slot_minutes integer NOT NULL CHECK (slot_minutes BETWEEN 5 AND 240),
    active boolean NOT NULL DEFAULT true,
    CHECK (end_time > start_time)
  )`);
  await sql(`CREATE INDEX provider_schedules_clinic ON provider_schedules (clinic_id, weekday)`);
  await sql(`CREATE INDEX provider_schedules_provider ON provider_schedules (provider_id, weekday)`);

  await sql(`CREATE TABLE appointments (
    ${STANDARD_COLUMNS},
    patient_id uuid NOT NULL REFERENCES patients(id),
    clinic_id uuid NOT NULL REFERENCES clinics(id),
    provider_id uuid NOT NULL REFERENCES users(id),
    start_at timestamptz NOT NULL,
    end_at timestamptz NOT NULL,
    status text NOT NULL DEFAULT 'booked' CHECK (status IN ('booked', 'checked-in', 'no-show', 'cancelled', 'completed')),
    reason text,
    cancel_reason text,
    reminder_sent_at timestamptz,
    CHECK (end_at > start_at)
  )`);
  // A provider's slot holds one live appointment: the database refuses a second one even when
  // two clerks book at the same instant. Cancelled and no-show bookings free the slot.
  await sql(`CREATE UNIQUE INDEX appointments_provider_slot ON appointments (provider_id, start_at)
    WHERE status IN ('booked', 'checked-in', 'completed')`);
  await sql(`CREATE INDEX appointments_clinic_start ON appointments (clinic_id, start_at)`);
  await sql(`CREATE INDEX appointments_patient ON appointments (patient_id, start_at)`);
}

export async function down({ sql }: MigrationContext) {
  await sql(`DROP TABLE appointments`);
  await sql(`DROP TABLE provider_schedules`);
  await sql(`DROP TABLE clinics`);
}
