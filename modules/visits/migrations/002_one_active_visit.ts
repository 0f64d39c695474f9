import type { MigrationContext } from '../../../server/db/migrator.js';

export async function up({ sql }: MigrationContext) {
  // A patient queues once per clinic and day: a second check-in, even a concurrent one, is refused.
  await sql(`CREATE UNIQUE INDEX visits_patient_active ON visits (patient_id, clinic_id, queue_date)
    WHERE queue_status IN ('waiting', 'called', 'in-consultation')`);
}

export async function down({ sql }: MigrationContext) {
  await sql(`DROP INDEX visits_patient_active`);
}
