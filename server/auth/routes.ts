/**
 * POST /api/auth/login, /refresh, /logout, /password and GET /api/auth/me.
 */
import express, { type Router } from 'express';
import { z } from 'zod';
import type { Model, ModelStatic, Sequelize } from 'sequelize';
import type { Config } from '../../config/index.js';
import type { Access } from '../access/access-control.js';
import type { AuditService } from '../audit/audit.js';
import { asyncRoute } from '../http/async-route.js';
import { requireUser } from '../http/context.js';
import { Invalid, Locked, Unauthorized } from '../http/errors.js';
import type { ResourceRegistry } from '../http/registry.js';
import { checkPassword, DUMMY_HASH, hashPassword, passwordSchema } from './passwords.js';
import type { TokenService } from './tokens.js';
import type { UserStatusCache } from './user-status.js';

const loginSchema = z.object({ email: z.string().trim().toLowerCase().email('a valid e-mail address'), password: z.string().min(1, 'required') });

export interface AuthDeps {
  config: Readonly<Config>;
  sequelize: Sequelize;
  User: ModelStatic<Model>;
  tokens: TokenService;
  status: UserStatusCache;
  audit: AuditService;
  access: () => Access;
  registry: ResourceRegistry;
  menus: () => Record<string, string | undefined>;
}

export function publicUser(u: Model) {
  return { id: u.get('id') as string, email: u.get('email') as string, name: u.get('name') as string, roles: u.get('roles') as string[] };
}

export function authRoutes(d: AuthDeps): Router {
  const r = express.Router();

  const session = async (user: Model, meta: { ip?: string; userAgent?: string }) => ({
    token: d.tokens.signAccess({ ...publicUser(user), tokenVersion: user.get('tokenVersion') as number }),
    refreshToken: await d.tokens.issueRefresh(user.get('id') as string, meta),
    expiresIn: d.config.jwt.accessTtl,
    user: publicUser(user),
  });

  r.post(
    '/login',
    asyncRoute(async (req, res) => {
      const { email, password } = loginSchema.parse(req.body ?? {});
      const user = await d.User.findOne({ where: { email } });
      if (!user) {
        await checkPassword(password, DUMMY_HASH);
        throw new Unauthorized('Wrong e-mail or password');
      }
      const lockedUntil = user.get('lockedUntil') as Date | null;
      if (lockedUntil && lockedUntil > new Date()) {
        throw new Locked(`Too many failed sign-ins: this account is locked until ${lockedUntil.toISOString()}`);
      }
      const ok = await checkPassword(password, user.get('passwordHash') as string);
      const ctx = { ...req.ctx, user: { ...publicUser(user) } };
      if (!ok) {
        const failures = (user.get('failedLogins') as number) + 1;
        const lock = failures >= d.config.login.maxFailures;
        await d.sequelize.transaction(async () => {
          await d.User.update(
            { failedLogins: lock ? 0 : failures, lockedUntil: lock ? new Date(Date.now() + d.config.login.lockMinutes * 60_000) : null },
            { where: { id: user.get('id') }, hooks: false },
          );
          await d.audit.record(ctx, { action: lock ? 'login-locked' : 'login-failed', resource: 'users', recordId: user.get('id') as string });
        });
        if (lock) throw new Locked(`Too many failed sign-ins: this account is locked for ${d.config.login.lockMinutes} minutes`);
        throw new Unauthorized('Wrong e-mail or password');
      }
      if (!user.get('active')) throw new Unauthorized('This account is deactivated; ask an administrator');
      const body = await d.sequelize.transaction(async () => {
        await d.User.update({ failedLogins: 0, lockedUntil: null, lastLoginAt: new Date() }, { where: { id: user.get('id') }, hooks: false });
        await d.audit.record(ctx, { action: 'login', resource: 'users', recordId: user.get('id') as string });
        return session(user, { ip: req.ctx.ip, userAgent: req.ctx.userAgent });
      });
      res.json(body);
    }),
  );

  r.post(
    '/refresh',
    asyncRoute(async (req, res) => {
      const body = await d.sequelize.transaction(async () => {
        const { userId, reused } = await d.tokens.consumeRefresh(req.body?.refreshToken);
        if (reused) {
          await d.tokens.revokeAll(userId);
          return null;
        }
        const user = await d.User.findByPk(userId);
        if (!user || !user.get('active')) throw new Unauthorized('This account is deactivated; ask an administrator');
        return session(user, { ip: req.ctx.ip, userAgent: req.ctx.userAgent });
      });
      // A stolen token replayed: every session of that user has just been ended.
      if (!body) throw new Unauthorized('This refresh token was already used; sign in again');
      res.json(body);
    }),
  );

  r.post(
    '/logout',
    asyncRoute(async (req, res) => {
      await d.tokens.revoke(req.body?.refreshToken);
      res.json({ ok: true });
    }),
  );

  r.get(
    '/me',
    asyncRoute(async (req, res) => {
      const user = requireUser(req);
      const permissions = d.access().permissionsOf(user.roles);
      const menus = d.menus();
      const resources = Object.keys(permissions)
        .filter((name) => permissions[name].read && d.registry.resources.has(name))
        .map((name) => ({ name, menu: menus[name] ?? 'Other', label: d.registry.resources.get(name)!.def.label ?? name }));
      res.json({ user, roles: user.roles, permissions, resources });
    }),
  );

  r.post(
    '/password',
    asyncRoute(async (req, res) => {
      const me = requireUser(req);
      const body = z.object({ currentPassword: z.string().min(1, 'required'), newPassword: passwordSchema }).parse(req.body ?? {});
      const user = await d.User.findByPk(me.id);
      if (!user || !(await checkPassword(body.currentPassword, user.get('passwordHash') as string))) {
        throw new Invalid('The current password is wrong', { currentPassword: 'is wrong' });
      }
      await d.sequelize.transaction(async () => {
        await user.update({ passwordHash: await hashPassword(body.newPassword), passwordChangedAt: new Date(), tokenVersion: (user.get('tokenVersion') as number) + 1 });
        await d.tokens.revokeAll(me.id);
        await d.audit.record(req.ctx, { action: 'change-password', resource: 'users', recordId: me.id });
      });
      await d.status.invalidate(me.id);
      res.json(await session(user, { ip: req.ctx.ip, userAgent: req.ctx.userAgent }));
    }),
  );
  return r;
}

/** Reads the bearer token, if any. Invalid or stale tokens are a 401 even on public routes. */
export function authenticate(tokens: TokenService, status: UserStatusCache): express.RequestHandler {
  return asyncRoute(async (req, _res, next) => {
    const header = req.headers.authorization;
    if (!header) return next();
    const m = /^Bearer (.+)$/i.exec(header);
    if (!m) throw new Unauthorized('Use "Authorization: Bearer <token>"');
    const claims = tokens.verifyAccess(m[1]);
    if (!(await status.isCurrent(claims.sub, claims.tv))) throw new Unauthorized('This session is no longer valid; sign in again');
    req.ctx.user = { id: claims.sub, email: claims.email, name: claims.name, roles: claims.roles };
    next();
  });
}
