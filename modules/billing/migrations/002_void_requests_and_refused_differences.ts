import type { MigrationContext } from '../../../server/db/migrator.js';

/** Voids and till differences go through the approvals service: the request is kept on the record. */
export async function up({ sql }: MigrationContext) {
  await sql(`ALTER TABLE invoices ADD COLUMN void_requested_at timestamptz, ADD COLUMN void_requested_by uuid, ADD COLUMN void_request_reason text`);
  await sql(`ALTER TABLE cash_sessions DROP CONSTRAINT cash_sessions_status_check`);
  await sql(`ALTER TABLE cash_sessions ADD CONSTRAINT cash_sessions_status_check CHECK (status IN ('open', 'pending-approval', 'closed', 'difference-refused'))`);
}

export async function down({ sql }: MigrationContext) {
  await sql(`ALTER TABLE cash_sessions DROP CONSTRAINT cash_sessions_status_check`);
  await sql(`ALTER TABLE cash_sessions ADD CONSTRAINT cash_sessions_status_check CHECK (status IN ('open', 'pending-approval', 'closed'))`);
  await sql(`ALTER TABLE invoices DROP COLUMN void_requested_at, DROP COLUMN void_requested_by, DROP COLUMN void_request_reason`);
}
