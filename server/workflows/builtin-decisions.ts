/**
 * The decision types of architecture §7. Their params are checked when a rule set is saved;
 * roles named in a chain must exist and hold `approve` on approvals, templates must exist.
 */
import { z } from 'zod';
import type { Access } from '../access/access-control.js';
import type { ApprovalService } from './approvals.js';
import { USER_DECIDER } from './approvals.js';
import type { DecisionRegistry } from './decisions.js';
import type { NotificationApi } from './notifications.js';
import type { NotificationTemplates } from './notification-templates.js';
import { PRIORITIES } from './priorities.js';

const MINUTE = 60_000;
// 'very-urgent' is a level of the triage scale (emergency, very urgent, urgent, routine).

export function registerBuiltinDecisions(
  registry: DecisionRegistry,
  deps: { access: () => Access; approvals: ApprovalService; notifications: NotificationApi; templates: NotificationTemplates },
) {
  const roleNames = () => deps.access().roles.map((r) => r.name);
  const decider = () =>
    z.string().refine((s) => USER_DECIDER.test(s) || (roleNames().includes(s) && deps.access().can([s], 'approve', 'approvals').granted), {
      message: 'a role that may approve (holds approve on approvals) or user:<id>',
    });
  const recipient = () => z.string().refine((s) => s.includes('@') || /^[0-9a-f-]{36}$/i.test(s) || roleNames().includes(s), { message: 'a role, a user id or an e-mail address' });

  registry.register({
    type: 'approval.required',
    description: 'The record needs approval by a chain of roles, each within slaHours',
    params: () =>
      z.object({
        chain: z.array(decider()).min(1, 'at least one decider'),
        slaHours: z.number().positive('more than 0').max(24 * 365).optional(),
        escalate: z
          .object({
            action: z.enum(['notify', 'reassign']),
            to: z.union([decider(), z.array(decider()).min(1)]).optional(),
            slaHours: z.number().positive().max(24 * 365).optional(),
          })
          .refine((e) => e.action !== 'reassign' || e.to !== undefined, { message: 'reassign needs "to": the next role', path: ['to'] })
          .optional(),
      }),
    apply(p, target, d) {
      if (!target.resource || !target.recordId) throw new Error('approval.required needs the resource and record id it applies to');
      return deps.approvals.request({ resource: target.resource, recordId: target.recordId, chain: p.chain, slaHours: p.slaHours, escalate: p.escalate, summary: target.summary, ruleSet: d.ruleSet, ctx: target.ctx });
    },
  });

  registry.register({
    type: 'sla.set',
    description: 'Service level: respond and resolve within so many minutes',
    params: () =>
      z
        .object({ respondMin: z.number().int().positive().optional(), resolveMin: z.number().int().positive().optional() })
        .refine((p) => p.respondMin !== undefined || p.resolveMin !== undefined, { message: 'give respondMin, resolveMin or both', path: ['respondMin'] }),
    apply(p) {
      const now = Date.now();
      return {
        ...p,
        respondBy: p.respondMin ? new Date(now + p.respondMin * MINUTE).toISOString() : null,
        resolveBy: p.resolveMin ? new Date(now + p.resolveMin * MINUTE).toISOString() : null,
      };
    },
  });

  registry.register({
    type: 'referral.route',
    description: 'Where a referral goes, and how urgently',
    params: () => z.object({ destination: z.string().trim().min(1, 'name the destination'), priority: z.enum(PRIORITIES).optional() }),
  });

  registry.register({
    type: 'priority.set',
    description: 'Sets the priority of the record',
    params: () => z.object({ priority: z.enum(PRIORITIES) }),
  });

  registry.register({
    type: 'notify',
    description: 'Sends a notification from a template',
    params: () =>
      z.object({
        template: z.string().refine((t) => deps.templates.has(t), { message: `an existing notification template (${deps.templates.names().join(', ')})` }),
        to: z.union([recipient(), z.array(recipient()).min(1)]),
      }),
    apply(p, target) {
      return deps.notifications.send({ template: p.template, to: p.to, data: { ...target.facts, summary: target.summary }, resource: target.resource, recordId: target.recordId });
    },
  });
}
