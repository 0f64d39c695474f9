import { STANDARD_COLUMNS, type MigrationContext } from '../../db/migrator.js';

export async function up({ sql }: MigrationContext) {
  await sql(`CREATE TABLE workflow_rules (
    ${STANDARD_COLUMNS},
    key text NOT NULL,
    event text NOT NULL,
    description text,
    facts text[] NOT NULL DEFAULT '{}',
    module text,
    active_version_id uuid
  )`);
  await sql(`CREATE UNIQUE INDEX workflow_rules_key ON workflow_rules (key)`);
  await sql(`CREATE INDEX workflow_rules_event ON workflow_rules (event)`);
  await sql(`CREATE TABLE workflow_rule_versions (
    ${STANDARD_COLUMNS},
    rule_set_id uuid NOT NULL REFERENCES workflow_rules(id),
    number integer NOT NULL,
    rules jsonb NOT NULL,
    comment text,
    author_name text
  )`);
  await sql(`CREATE UNIQUE INDEX workflow_rule_versions_number ON workflow_rule_versions (rule_set_id, number)`);
  await sql(`ALTER TABLE workflow_rules ADD CONSTRAINT workflow_rules_active_version
    FOREIGN KEY (active_version_id) REFERENCES workflow_rule_versions(id) DEFERRABLE INITIALLY DEFERRED`);

  await sql(`CREATE TABLE approvals (
    ${STANDARD_COLUMNS},
    resource text NOT NULL,
    record_id text NOT NULL,
    summary text,
    level integer NOT NULL CHECK (level >= 1),
    chain jsonb NOT NULL,
    role text,
    user_id uuid REFERENCES users(id),
    due_at timestamptz,
    sla_hours numeric,
    escalation jsonb,
    escalated_from uuid REFERENCES approvals(id),
    escalated_at timestamptz,
    status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'decided', 'escalated', 'cancelled')),
    decision text CHECK (decision IN ('approved', 'rejected')),
    comment text,
    decided_by uuid REFERENCES users(id),
    decided_at timestamptz,
    rule_set text,
    CONSTRAINT approvals_decider CHECK (role IS NOT NULL OR user_id IS NOT NULL),
    CONSTRAINT approvals_decided CHECK ((status = 'decided') = (decision IS NOT NULL))
  )`);
  // One open level per record: a chain advances one level at a time.
  await sql(`CREATE UNIQUE INDEX approvals_one_pending ON approvals (resource, record_id) WHERE status = 'pending'`);
  await sql(`CREATE INDEX approvals_waiting ON approvals (role, due_at) WHERE status = 'pending'`);
  await sql(`CREATE INDEX approvals_record ON approvals (resource, record_id, level)`);

  await sql(`CREATE TABLE notifications (
    ${STANDARD_COLUMNS},
    user_id uuid REFERENCES users(id),
    email text,
    template text NOT NULL,
    subject text NOT NULL,
    body text NOT NULL,
    resource text,
    record_id text,
    status text NOT NULL DEFAULT 'stored' CHECK (status IN ('stored', 'queued', 'sent', 'failed')),
    error text,
    sent_at timestamptz,
    read_at timestamptz,
    CONSTRAINT notifications_recipient CHECK (user_id IS NOT NULL OR email IS NOT NULL)
  )`);
  await sql(`CREATE INDEX notifications_user ON notifications (user_id, created_at DESC)`);
}

export async function down({ sql }: MigrationContext) {
  await sql(`DROP TABLE notifications`);
  await sql(`DROP TABLE approvals`);
  await sql(`ALTER TABLE workflow_rules DROP CONSTRAINT workflow_rules_active_version`);
  await sql(`DROP TABLE workflow_rule_versions`);
  await sql(`DROP TABLE workflow_rules`);
}
