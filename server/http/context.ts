import type { Request } from 'express';
import { Unauthorized } from './errors.js';

export interface AuthUser {
  id: string;
  email: string;
  name: string;
  roles: string[];
}

/** Who is asking and from where: carried into audit rows and handlers. */
export interface RequestContext {
  user?: AuthUser;
  ip?: string;
  userAgent?: string;
  requestId?: string;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      ctx: RequestContext;
    }
  }
}

export function requireUser(req: Request): AuthUser {
  if (!req.ctx?.user) throw new Unauthorized();
  return req.ctx.user;
}
