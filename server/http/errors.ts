/**
 * Typed domain errors, mapped to HTTP once (in `errorHandler`). Bodies are always
 * `{ message, errors?: { field: text } }`; never a stack trace.
 */
import type { ErrorRequestHandler } from 'express';
import { ZodError } from 'zod';
import {
  DatabaseError,
  ForeignKeyConstraintError,
  OptimisticLockError,
  UniqueConstraintError,
  ValidationError as SequelizeValidationError,
} from 'sequelize';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: Record<string, string>,
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }
}
export class Invalid extends HttpError {
  constructor(message: string, errors?: Record<string, string>) {
    super(400, message, errors);
  }
}
export class Unauthorized extends HttpError {
  constructor(message = 'Sign in to continue') {
    super(401, message);
  }
}
export class Forbidden extends HttpError {
  constructor(message = 'You are not allowed to do this') {
    super(403, message);
  }
}
export class NotFound extends HttpError {
  constructor(message = 'Not found') {
    super(404, message);
  }
}
export class Conflict extends HttpError {
  constructor(message: string, extra?: Record<string, unknown>, errors?: Record<string, string>) {
    super(409, message, errors, extra);
  }
}
export class Locked extends HttpError {
  constructor(message: string) {
    super(423, message);
  }
}
export class TooMany extends HttpError {
  constructor(message = 'Too many requests, try again later') {
    super(429, message);
  }
}

export function zodFieldErrors(err: ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of err.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    out[key] ??= issue.message;
  }
  return out;
}

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** Maps any error to a status and a safe body. */
export function toHttp(err: unknown): { status: number; body: Record<string, unknown> } {
  if (err instanceof HttpError) {
    return { status: err.status, body: { message: err.message, ...(err.errors ? { errors: err.errors } : {}), ...err.extra } };
  }
  if (err instanceof ZodError) {
    const errors = zodFieldErrors(err);
    return { status: 400, body: { message: 'Some fields are not valid', errors } };
  }
  if (err instanceof OptimisticLockError) {
    return { status: 409, body: { message: 'This record was changed by someone else; reload it and try again' } };
  }
  if (err instanceof UniqueConstraintError) {
    const errors: Record<string, string> = {};
    for (const e of err.errors) if (e.path) errors[camel(e.path)] = 'is already used by another record';
    return { status: 409, body: { message: 'A record with the same value already exists', errors } };
  }
  if (err instanceof ForeignKeyConstraintError) {
    const field = (err as any).fields?.[0] ?? (err as any).index;
    return {
      status: 409,
      body: { message: 'This refers to a record that does not exist, or is still referred to by other records', ...(field ? { errors: { [camel(String(field))]: 'refers to a missing or linked record' } } : {}) },
    };
  }
  if (err instanceof SequelizeValidationError) {
    const errors: Record<string, string> = {};
    for (const e of err.errors) if (e.path) errors[e.path] = e.message;
    return { status: 400, body: { message: 'Some fields are not valid', errors } };
  }
  if (err instanceof DatabaseError) {
    const code = (err.parent as any)?.code as string | undefined;
    const constraint = (err.parent as any)?.constraint as string | undefined;
    // Check constraints and custom RAISEs in triggers are business rules the database enforces.
    if (code === '23514') return { status: 409, body: { message: `Refused by rule ${constraint ?? ''}`.trim() } };
    if (code === 'P0001') return { status: 409, body: { message: (err.parent as any).message } };
    if (code === '22P02' || code === '22007' || code === '22008' || code === '22003') {
      return { status: 400, body: { message: 'A value has the wrong format' } };
    }
  }
  return { status: 500, body: { message: 'Something went wrong on the server; the error was logged' } };
}

export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  // body-parser errors carry their own status (400 malformed JSON, 413 too large).
  if (err && typeof err === 'object' && 'type' in err && typeof (err as any).status === 'number' && !(err instanceof HttpError)) {
    const status = (err as any).status as number;
    const message = status === 413 ? 'The request is too large' : 'The request body is not valid JSON';
    res.status(status).json({ message });
    return;
  }
  if ((err as any)?.code === 'LIMIT_FILE_SIZE') {
    res.status(413).json({ message: 'The file is too large' });
    return;
  }
  const { status, body } = toHttp(err);
  if (status >= 500) req.log?.error({ err }, 'request failed');
  if (res.headersSent) return;
  res.status(status).json(body);
};
