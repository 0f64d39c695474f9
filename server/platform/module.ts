/**
 * The platform's own module: accounts, roles, the audit trail. Loaded first, never disabled.
 */
import { Op } from 'sequelize';
import { z } from 'zod';
import { PLATFORM_ROLES } from '../access/roles.js';
import { grant } from '../access/grants.js';
import { hashPassword, passwordSchema, DEMO_PASSWORD } from '../auth/passwords.js';
import { defineModule } from '../host/types.js';
import type { HandlerContext, ResourceDefinition } from '../http/resource.js';
import { Conflict } from '../http/errors.js';
import { platformModels } from './models.js';
import path from 'node:path';

const READ_AUDIT = ['superadmin', 'facility_head', 'quality'];

export default defineModule({
  id: 'platform',
  version: '1.0.0',
  label: 'Administration',
  menu: 'Administration',
  migrations: path.join(import.meta.dirname, 'migrations'),
  roles: PLATFORM_ROLES,
  grants: [
    ...grant('superadmin', 'users', ['read', 'create', 'update', 'export']),
    ...grant('superadmin', 'roles', ['read']),
    ...grant(READ_AUDIT, 'audit-logs', ['read', 'export']),
  ],
  models: ({ sequelize }) => platformModels(sequelize),
  resources({ models, services }) {
    const { User, Role, AuditLog } = models;
    const roleNames = services.access.roles.map((r) => r.name) as [string, ...string[]];
    const roles = z.array(z.enum(roleNames, { message: `one of ${roleNames.join(', ')}` })).min(1, 'at least one role');
    const userFields = {
      email: z.string().trim().toLowerCase().email('a valid e-mail address'),
      name: z.string().trim().min(2, 'at least 2 characters').max(200),
      roles,
      active: z.boolean().optional(),
    };
    const bumpSession = async (ctx: HandlerContext, userId: string) => {
      const tokens = services.get<{ revokeAll(id: string): Promise<void> }>('tokens');
      await tokens.revokeAll(userId);
      // Other processes learn of it through Redis; this one at once.
      ctx.req.res?.once('finish', () => void services.get<{ invalidate(id: string): Promise<void> }>('user-status').invalidate(userId));
    };
    const setActive = (active: boolean) => async (ctx: HandlerContext, { record }: { record?: any }) => {
      if (!active && record.get('id') === ctx.user.id) throw new Conflict('You cannot deactivate your own account');
      await record.update({ active, tokenVersion: record.get('tokenVersion') + 1, updatedBy: ctx.user.id });
      await bumpSession(ctx, record.get('id'));
      return record;
    };
    const users: ResourceDefinition = {
      name: 'users',
      label: 'Users',
      model: User,
      hidden: ['passwordHash', 'tokenVersion'],
      createSchema: z.object({ ...userFields, password: passwordSchema }),
      updateSchema: z.object(userFields).partial(),
      sortable: ['email', 'name', 'createdAt', 'lastLoginAt', 'active'],
      defaultSort: ['email', 'ASC'],
      filters: { active: 'eq', role: (v) => ({ roles: { [Op.overlap]: Array.isArray(v) ? v : [v] } }) },
      search: (q) => ({ [Op.or]: [{ email: { [Op.iLike]: `%${q}%` } }, { name: { [Op.iLike]: `%${q}%` } }] }),
      operations: { delete: false },
      async beforeCreate(_ctx, data) {
        const { password, ...rest } = data;
        if (await User.findOne({ where: { email: rest.email } })) throw new Conflict('An account with this e-mail already exists', {}, { email: 'is already used' });
        return { ...rest, passwordHash: await hashPassword(password), passwordChangedAt: new Date() };
      },
      beforeUpdate(_ctx, record, data) {
        const rolesChanged = data.roles && JSON.stringify([...data.roles].sort()) !== JSON.stringify([...record.get('roles')].sort());
        const deactivated = data.active === false && record.get('active');
        if (rolesChanged || deactivated) return { ...data, tokenVersion: record.get('tokenVersion') + 1 };
        return data;
      },
      async afterUpdate(ctx, record, before) {
        if (record.get('tokenVersion') !== before.tokenVersion) await bumpSession(ctx, record.get('id'));
      },
      actions: [
        { name: 'deactivate', access: 'update', summary: 'Deactivate the account and end its sessions', handler: setActive(false) },
        { name: 'activate', access: 'update', summary: 'Reactivate the account', handler: setActive(true) },
        {
          name: 'reset-password',
          access: 'update',
          summary: 'Set a new password and end the account\'s sessions',
          schema: z.object({ password: passwordSchema }),
          async handler(ctx, { record, body }) {
            await record!.update({
              passwordHash: await hashPassword(body.password),
              passwordChangedAt: new Date(),
              failedLogins: 0,
              lockedUntil: null,
              tokenVersion: record!.get('tokenVersion') + 1,
              updatedBy: ctx.user.id,
            });
            await bumpSession(ctx, record!.get('id'));
            return { ok: true };
          },
        },
      ],
    };
    const rolesResource: ResourceDefinition = {
      name: 'roles',
      label: 'Roles and permissions',
      model: Role,
      sortable: ['id', 'label', 'module'],
      defaultSort: ['id', 'ASC'],
      filters: { module: 'eq' },
      search: (q) => ({ [Op.or]: [{ id: { [Op.iLike]: `%${q}%` } }, { label: { [Op.iLike]: `%${q}%` } }] }),
      operations: { create: false, update: false, delete: false },
    };
    const auditLogs: ResourceDefinition = {
      name: 'audit-logs',
      label: 'Audit trail',
      model: AuditLog,
      sortable: ['id', 'at', 'resource', 'action', 'userEmail'],
      defaultSort: ['id', 'DESC'],
      filters: { resource: 'eq', recordId: 'eq', userId: 'eq', action: 'eq', userEmail: 'text', at: 'range' },
      search: (q) => ({ [Op.or]: [{ userEmail: { [Op.iLike]: `%${q}%` } }, { resource: { [Op.iLike]: `%${q}%` } }, { recordId: q }] }),
      operations: { create: false, update: false, delete: false },
      estimateCount: true,
    };
    return [users, rolesResource, auditLogs];
  },
  seeds: {
    async demo({ models }, progress) {
      const { User } = models;
      const hash = await hashPassword(DEMO_PASSWORD);
      const accounts = [
        { email: 'admin@healthcare.com', name: 'System Administrator', roles: ['superadmin'] },
        ...PLATFORM_ROLES.map((r) => ({ email: `${r.name}@healthcare.com`, name: `Demo ${r.label}`, roles: [r.name] })),
      ];
      for (const [i, a] of accounts.entries()) {
        if (!(await User.findOne({ where: { email: a.email } }))) await User.create({ ...a, passwordHash: hash });
        progress(i + 1, accounts.length);
      }
    },
  },
});
