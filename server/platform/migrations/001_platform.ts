import { STANDARD_COLUMNS, type MigrationContext } from '../../db/migrator.js';

export async function up({ sql }: MigrationContext) {
  await sql(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
  await sql(`CREATE TABLE his_meta (key text PRIMARY KEY, value jsonb, updated_at timestamptz NOT NULL DEFAULT now())`);
  await sql(`CREATE TABLE facility_settings (key text PRIMARY KEY, value text NOT NULL)`);
  await sql(`CREATE TABLE users (
    ${STANDARD_COLUMNS},
    email text NOT NULL,
    name text NOT NULL,
    password_hash text NOT NULL,
    roles text[] NOT NULL DEFAULT '{}',
    active boolean NOT NULL DEFAULT true,
    failed_logins integer NOT NULL DEFAULT 0,
    locked_until timestamptz,
    token_version integer NOT NULL DEFAULT 0,
    password_changed_at timestamptz,
    last_login_at timestamptz,
    CONSTRAINT users_email_lower CHECK (email = lower(email))
  )`);
  await sql(`CREATE UNIQUE INDEX users_email_key ON users (email)`);
  await sql(`CREATE TABLE refresh_tokens (
    id uuid PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES users(id),
    token_hash text NOT NULL,
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz,
    replaced_by uuid,
    created_at timestamptz NOT NULL DEFAULT now(),
    ip text,
    user_agent text
  )`);
  await sql(`CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id) WHERE revoked_at IS NULL`);
  await sql(`CREATE TABLE roles (
    id text PRIMARY KEY,
    label text NOT NULL,
    description text,
    module text NOT NULL,
    grants jsonb NOT NULL DEFAULT '[]',
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    created_by uuid, updated_by uuid, version integer NOT NULL DEFAULT 1
  )`);
  await sql(`CREATE TABLE audit_logs (
    id bigserial PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT now(),
    user_id uuid,
    user_email text,
    roles text[] NOT NULL DEFAULT '{}',
    action text NOT NULL,
    resource text NOT NULL,
    record_id text,
    before jsonb,
    after jsonb,
    ip text,
    user_agent text,
    request_id text
  )`);
  await sql(`CREATE INDEX audit_logs_record ON audit_logs (resource, record_id, at DESC)`);
  await sql(`CREATE INDEX audit_logs_at ON audit_logs (at DESC)`);
  await sql(`CREATE INDEX audit_logs_user ON audit_logs (user_id, at DESC)`);
  // Append-only: the database itself refuses to change or remove history.
  await sql(`CREATE FUNCTION audit_logs_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'audit_logs is append-only: % is not allowed', TG_OP; END $$`);
  await sql(`CREATE TRIGGER audit_logs_no_update BEFORE UPDATE OR DELETE ON audit_logs
    FOR EACH ROW EXECUTE FUNCTION audit_logs_append_only()`);
  await sql(`CREATE TRIGGER audit_logs_no_truncate BEFORE TRUNCATE ON audit_logs
    FOR EACH STATEMENT EXECUTE FUNCTION audit_logs_append_only()`);
}

export async function down({ sql }: MigrationContext) {
  await sql(`DROP TABLE audit_logs`);
  await sql(`DROP FUNCTION audit_logs_append_only()`);
  await sql(`DROP TABLE roles`);
  await sql(`DROP TABLE refresh_tokens`);
  await sql(`DROP TABLE users`);
  await sql(`DROP TABLE facility_settings`);
  await sql(`DROP TABLE his_meta`);
}
