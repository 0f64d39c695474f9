import type { MigrationContext } from '../../../server/db/migrator.js';

export async function up({ sql }: MigrationContext) {
  // One reminder per appointment: a rerun of the daily job never writes to a patient twice.
  // `recorded` means no notifications service was there to send it: the text is kept here.
  await sql(`CREATE TABLE appointment_reminders (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    appointment_id uuid NOT NULL REFERENCES appointments(id),
    channel text NOT NULL DEFAULT 'email',
    recipient text,
    subject text NOT NULL,
    body text NOT NULL,
    status text NOT NULL CHECK (status IN ('sent', 'recorded', 'skipped')),
    reason text,
    created_at timestamptz NOT NULL DEFAULT now()
  )`);
  await sql(`CREATE UNIQUE INDEX appointment_reminders_once ON appointment_reminders (appointment_id, channel)`);
}

export async function down({ sql }: MigrationContext) {
  await sql(`DROP TABLE appointment_reminders`);
}
