import { STANDARD_COLUMNS, type MigrationContext } from '../../db/migrator.js';

export async function up({ sql }: MigrationContext) {
  // A file belongs to one record of any resource (resource name + id); files are never deleted.
  await sql(`CREATE TABLE attachments (
    ${STANDARD_COLUMNS},
    resource text NOT NULL,
    record_id text NOT NULL,
    file_name text NOT NULL,
    mime_type text NOT NULL CHECK (mime_type IN ('application/pdf', 'image/png', 'image/jpeg', 'application/dicom', 'text/plain')),
    size_bytes integer NOT NULL CHECK (size_bytes > 0),
    sha256 text NOT NULL,
    storage_key text NOT NULL UNIQUE,
    description text
  )`);
  await sql(`CREATE INDEX attachments_record ON attachments (resource, record_id)`);
}

export async function down({ sql }: MigrationContext) {
  await sql(`DROP TABLE attachments`);
}
