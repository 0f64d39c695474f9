/**
 * `approvals` (one row per level) and `notifications` (the outbox). Deciders see what waits
 * for them in the inbox; approve/reject need the `approve` grant and being the level's role
 * or user. Everyone reads their own notifications; superadmin reads all.
 */
import { Op, QueryTypes } from 'sequelize';
import { z } from 'zod';
import type { ModuleContext } from '../host/types.js';
import type { ResourceDefinition, Row } from '../http/resource.js';
import type { ApprovalService } from './approvals.js';

const timeLeft = (row: Row) => {
  if (row.status !== 'pending' || !row.dueAt) return row;
  const minutes = Math.round((new Date(row.dueAt).getTime() - Date.now()) / 60_000);
  return { ...row, timeLeftMinutes: minutes, overdue: minutes < 0 };
};

export function approvalResources({ models, sequelize }: ModuleContext, approvals: ApprovalService): ResourceDefinition[] {
  const { Approval, Notification } = models;

  const approvalsResource: ResourceDefinition = {
    name: 'approvals',
    label: 'Approvals',
    description: 'One row per level of an approval chain',
    model: Approval,
    sortable: ['dueAt', 'createdAt', 'level', 'status', 'resource', 'decidedAt'],
    defaultSort: ['createdAt', 'DESC'],
    filters: { status: 'eq', resource: 'eq', recordId: 'eq', role: 'eq', decision: 'eq', dueAt: 'range' },
    search: (q) => ({ [Op.or]: [{ summary: { [Op.iLike]: `%${q}%` } }, { recordId: q }] }),
    operations: { create: false, update: false, delete: false },
    serialize: timeLeft,
    actions: [
      {
        name: 'inbox',
        collection: true,
        method: 'get',
        audited: false,
        summary: 'Approvals waiting for me (my roles or me), soonest due first',
        async handler(ctx) {
          const rows = await sequelize.query<Row>(
            `SELECT id, resource, record_id AS "recordId", summary, level, chain, role, user_id AS "userId", due_at AS "dueAt",
                    status, rule_set AS "ruleSet", created_at AS "createdAt", escalated_at AS "escalatedAt"
               FROM approvals
              WHERE status = 'pending' AND (role IN (:roles) OR user_id = :userId)
              ORDER BY due_at ASC NULLS LAST, created_at ASC
              LIMIT 200`,
            { type: QueryTypes.SELECT, replacements: { roles: ctx.user.roles.length ? ctx.user.roles : [''], userId: ctx.user.id } },
          );
          return rows.map(timeLeft);
        },
      },
      {
        name: 'approve',
        summary: 'Approves this level; the record moves on, or the next level opens',
        schema: z.object({ comment: z.string().trim().max(2000).optional() }),
        handler: (ctx, { record, body }) => approvals.decide(ctx, record!, 'approved', body.comment),
      },
      {
        name: 'reject',
        access: 'approve',
        summary: 'Rejects the request (a comment is required)',
        schema: z.object({ comment: z.string({ message: 'say why' }).trim().min(1, 'say why').max(2000) }),
        handler: (ctx, { record, body }) => approvals.decide(ctx, record!, 'rejected', body.comment),
      },
    ],
  };

  const notifications: ResourceDefinition = {
    name: 'notifications',
    label: 'Notifications',
    description: 'The outbox: every notification sent, e-mailed or not',
    model: Notification,
    ownerField: 'userId',
    sortable: ['createdAt', 'status', 'template', 'readAt'],
    defaultSort: ['createdAt', 'DESC'],
    filters: { status: 'eq', template: 'eq', userId: 'eq', resource: 'eq', unread: (v) => (v === true || v === 'true' ? { readAt: null } : {}) },
    search: (q) => ({ [Op.or]: [{ subject: { [Op.iLike]: `%${q}%` } }, { email: { [Op.iLike]: `%${q}%` } }] }),
    operations: { create: false, update: false, delete: false },
    actions: [
      {
        name: 'mark-read',
        access: 'read',
        summary: 'Marks the notification as read',
        async handler(_ctx, { record }) {
          if (!record!.get('readAt')) await record!.update({ readAt: new Date() });
          return record;
        },
      },
    ],
  };

  return [approvalsResource, notifications];
}
