/**
 * The audit trail. Rows are written inside the caller's transaction (CLS), so a change without
 * its audit row cannot exist; the table itself refuses UPDATE and DELETE (see migrations).
 */
import type { Sequelize } from 'sequelize';
import type { RequestContext } from '../http/context.js';
import { plainQuery } from '../db/select.js';

const SECRET_FIELDS = new Set(['password', 'passwordHash', 'password_hash', 'token', 'refreshToken', 'tokenHash']);

export interface AuditEntry {
  action: string;
  resource: string;
  recordId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

function scrub(v: Record<string, unknown> | null | undefined) {
  if (!v) return null;
  const out: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(v)) out[k] = SECRET_FIELDS.has(k) ? '[redacted]' : val;
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Only the fields that changed, as { before, after }. */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (key === 'updatedAt' || key === 'version') continue;
    if (!same(before[key], after[key])) {
      b[key] = before[key] ?? null;
      a[key] = after[key] ?? null;
    }
  }
  return { before: b, after: a };
}

export class AuditService {
  constructor(private sequelize: Sequelize) {}

  async record(ctx: RequestContext | undefined, entry: AuditEntry): Promise<void> {
    await plainQuery(
      this.sequelize,
      `INSERT INTO audit_logs (user_id, user_email, roles, action, resource, record_id, before, after, ip, user_agent, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        ctx?.user?.id ?? null,
        ctx?.user?.email ?? null,
        ctx?.user?.roles ?? [],
        entry.action,
        entry.resource,
        entry.recordId ?? null,
        entry.before ? JSON.stringify(scrub(entry.before)) : null,
        entry.after ? JSON.stringify(scrub(entry.after)) : null,
        ctx?.ip ?? null,
        ctx?.userAgent?.slice(0, 500) ?? null,
        ctx?.requestId ?? null,
      ],
    );
  }
}
