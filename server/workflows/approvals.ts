/**
 * Approvals: a chain of deciders (roles, or `user:<id>`) for one record, one `approvals` row
 * per level. A module makes a resource approvable by registering hooks; the final approval (or
 * a rejection at any level) calls them in the decider's transaction, so the record moves to
 * its next state together with the decision and its audit row. A pending level is a row with
 * a due time, not a live process: the SLA job escalates what is overdue.
 */
import { Op, type Model, type ModelStatic, type Sequelize } from 'sequelize';
import type { AuditService } from '../audit/audit.js';
import type { AuthUser, RequestContext } from '../http/context.js';
import { Conflict, Forbidden } from '../http/errors.js';
import { plain, type Row } from '../http/resource.js';
import type { EventBus } from '../events/event-bus.js';
import type { NotificationApi } from './notifications.js';

export interface Escalation {
  /** notify: tell `to` (default: the level's decider) once; reassign: hand the level to `to`. */
  action: 'notify' | 'reassign';
  to?: string | string[];
  /** Hours the new decider gets after a reassignment (default: the level's slaHours). */
  slaHours?: number;
}

export interface ApprovalHookContext {
  /** Who decided (undefined for the system, e.g. an escalation). */
  ctx?: RequestContext;
  approval: Row;
}

export interface Approvable {
  /** The resource whose records are approved (`leave-requests`). */
  resource: string;
  label?: string;
  /** The last level approved: move the record to its approved state (same transaction). */
  onApproved(hook: ApprovalHookContext): Promise<void> | void;
  /** Any level rejected: move the record to its rejected state (same transaction). */
  onRejected(hook: ApprovalHookContext): Promise<void> | void;
  /** A level other than the last approved (optional). */
  onLevelApproved?(hook: ApprovalHookContext): Promise<void> | void;
}

export interface ApprovalRequest {
  resource: string;
  recordId: string;
  /** Deciders, one per level: role names or `user:<uuid>`. */
  chain: string[];
  slaHours?: number;
  escalate?: Escalation;
  /** Text shown in the inbox and notifications. */
  summary?: string;
  ruleSet?: string;
  ctx?: RequestContext;
}

export interface ApprovalApi {
  /** Declares a resource approvable; call it in your module's `bootstrap`. */
  register(def: Approvable): void;
  isApprovable(resource: string): boolean;
  /** Opens level 1 of the chain (call inside the transaction that submits the record). */
  request(req: ApprovalRequest): Promise<Row>;
  /** The open level of a record, if any. */
  pending(resource: string, recordId: string): Promise<Row | null>;
  /** Closes the open level (the record was withdrawn). */
  cancel(resource: string, recordId: string, ctx?: RequestContext): Promise<void>;
}

export const USER_DECIDER = /^user:([0-9a-f-]{36})$/i;
const HOUR = 3_600_000;

export function deciderOf(step: string): { role: string | null; userId: string | null } {
  const m = USER_DECIDER.exec(step);
  return m ? { role: null, userId: m[1] } : { role: step, userId: null };
}

export class ApprovalService implements ApprovalApi {
  private approvables = new Map<string, Approvable>();

  constructor(
    private deps: {
      sequelize: Sequelize;
      Approval: ModelStatic<Model>;
      audit: AuditService;
      events: EventBus;
      notifications: NotificationApi;
    },
  ) {}

  register(def: Approvable) {
    if (this.approvables.has(def.resource)) throw new Error(`Resource "${def.resource}" is declared approvable twice`);
    this.approvables.set(def.resource, def);
  }

  isApprovable(resource: string) {
    return this.approvables.has(resource);
  }

  resources() {
    return [...this.approvables.values()].map(({ resource, label }) => ({ resource, label: label ?? resource }));
  }

  private hooks(resource: string) {
    const def = this.approvables.get(resource);
    if (!def) throw new Error(`Resource "${resource}" is not approvable: call services.get('approvals').register({ resource: '${resource}', ... }) in its module's bootstrap`);
    return def;
  }

  async request(req: ApprovalRequest) {
    this.hooks(req.resource);
    if (!req.chain.length) throw new Error('An approval chain needs at least one decider');
    if (await this.pending(req.resource, req.recordId)) throw new Conflict(`This ${req.resource} record is already waiting for an approval`);
    return this.openLevel(
      { resource: req.resource, recordId: req.recordId, chain: req.chain, slaHours: req.slaHours ?? null, escalation: req.escalate ?? null, summary: req.summary ?? null, ruleSet: req.ruleSet ?? null },
      1,
      req.ctx,
    );
  }

  private async openLevel(base: Row, level: number, ctx?: RequestContext, override?: { decider: string; slaHours?: number | null; escalatedFrom?: string }) {
    const step = override?.decider ?? base.chain[level - 1];
    const slaHours = override?.slaHours ?? base.slaHours;
    const row = await this.deps.Approval.create({
      resource: base.resource,
      recordId: base.recordId,
      summary: base.summary,
      chain: base.chain,
      level,
      ...deciderOf(step),
      slaHours,
      dueAt: slaHours ? new Date(Date.now() + Number(slaHours) * HOUR) : null,
      escalation: override ? null : base.escalation,
      escalatedFrom: override?.escalatedFrom ?? null,
      ruleSet: base.ruleSet,
      createdBy: ctx?.user?.id,
      updatedBy: ctx?.user?.id,
    });
    const out = plain(row);
    await this.deps.audit.record(ctx, { action: 'create', resource: 'approvals', recordId: out.id, after: out });
    await this.deps.notifications.send({ template: 'notifications/approval-requested', to: this.recipients(step), data: this.mailData(out), resource: 'approvals', recordId: out.id });
    return out;
  }

  private recipients(step: string | string[]) {
    return (Array.isArray(step) ? step : [step]).map((s) => deciderOf(s).userId ?? s);
  }

  private mailData(a: Row) {
    return { ...a, levels: a.chain.length, decider: a.role ?? 'you', summary: a.summary ?? `${a.resource} ${a.recordId}` };
  }

  async pending(resource: string, recordId: string) {
    const row = await this.deps.Approval.findOne({ where: { resource, recordId, status: 'pending' } });
    return row ? plain(row) : null;
  }

  async cancel(resource: string, recordId: string, ctx?: RequestContext) {
    const row = await this.deps.Approval.findOne({ where: { resource, recordId, status: 'pending' }, lock: true });
    if (!row) return;
    const before = plain(row);
    await row.update({ status: 'cancelled', updatedBy: ctx?.user?.id });
    await this.deps.audit.record(ctx, { action: 'cancel', resource: 'approvals', recordId: before.id, before: { status: before.status }, after: { status: 'cancelled' } });
  }

  /** Whether this user is the decider of this level. */
  static mayDecide(user: AuthUser, approval: Row) {
    return approval.userId ? approval.userId === user.id : user.roles.includes(approval.role);
  }

  /**
   * Records a decision on a locked, pending level (the approve/reject action runs this in its
   * transaction, which also writes the action's audit row).
   */
  async decide(ctx: RequestContext & { user: AuthUser }, record: Model, decision: 'approved' | 'rejected', comment?: string) {
    const a = plain(record);
    if (!ApprovalService.mayDecide(ctx.user, a)) {
      throw new Forbidden(a.userId ? 'This approval waits for another person' : `This approval waits for the role ${a.role}`);
    }
    if (a.status !== 'pending') throw new Conflict(`This approval is already ${a.status === 'decided' ? a.decision : a.status}`);
    const hooks = this.hooks(a.resource);
    await record.update({ status: 'decided', decision, comment: comment ?? null, decidedBy: ctx.user.id, decidedAt: new Date(), updatedBy: ctx.user.id });
    const approval = plain(record);
    let next: Row | null = null;
    if (decision === 'rejected') {
      await hooks.onRejected({ ctx, approval });
    } else if (a.level < a.chain.length) {
      await hooks.onLevelApproved?.({ ctx, approval });
      next = await this.openLevel(a, a.level + 1, ctx);
    } else {
      await hooks.onApproved({ ctx, approval });
    }
    if (!next) {
      await this.deps.events.emit(`approval.${decision}`, { resource: a.resource, recordId: a.recordId, level: a.level, ruleSet: a.ruleSet }, ctx);
      const requester = await this.requester(a);
      if (requester) {
        await this.deps.notifications.send({
          template: 'notifications/approval-decided',
          to: [requester],
          data: { ...this.mailData(approval), decision, comment, decidedBy: ctx.user.name },
          resource: a.resource,
          recordId: a.recordId,
        });
      }
    }
    return { approval, next };
  }

  /** Who asked for the approval: the author of the chain's first level. */
  private async requester(a: Row): Promise<string | null> {
    const first = await this.deps.Approval.findOne({ where: { resource: a.resource, recordId: a.recordId, level: 1 }, order: [['createdAt', 'DESC']], attributes: ['createdBy'], raw: true });
    return ((first as Row | null)?.createdBy as string | undefined) ?? null;
  }

  /** The SLA job: escalates each overdue level once, as its rule set said. */
  async escalateOverdue(now = new Date()): Promise<number> {
    const { sequelize, Approval } = this.deps;
    return sequelize.transaction(async () => {
      // SKIP LOCKED: two workers running the check at once never escalate a level twice.
      const overdue = await Approval.findAll({
        where: { status: 'pending', escalatedAt: null, dueAt: { [Op.lt]: now } },
        order: [['dueAt', 'ASC']],
        limit: 200,
        lock: true,
        skipLocked: true,
      });
      for (const row of overdue) {
        const a = plain(row);
        const esc = (a.escalation ?? { action: 'notify' }) as Escalation;
        const to = esc.to ?? (a.role ?? `user:${a.userId}`);
        await row.update({ escalatedAt: now, ...(esc.action === 'reassign' ? { status: 'escalated' } : {}) });
        await this.deps.audit.record(undefined, { action: 'escalate', resource: 'approvals', recordId: a.id, before: { status: a.status }, after: { status: row.get('status'), escalation: esc } });
        if (esc.action === 'reassign') {
          await this.openLevel(a, a.level, undefined, { decider: Array.isArray(to) ? to[0] : to, slaHours: esc.slaHours ?? a.slaHours, escalatedFrom: a.id });
        } else {
          await this.deps.notifications.send({ template: 'notifications/approval-overdue', to: this.recipients(to), data: this.mailData(a), resource: 'approvals', recordId: a.id });
        }
      }
      return overdue.length;
    });
  }
}
