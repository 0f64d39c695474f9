import pino, { type Logger } from 'pino';
import type { Config } from '../config/index.js';

/** JSON logs; secrets never reach them. */
export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    redact: {
      paths: [
        'password', '*.password', '*.newPassword', '*.currentPassword', '*.passwordHash',
        'token', '*.token', 'refreshToken', '*.refreshToken',
        'req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]',
        'DATABASE_URL', 'REDIS_URL', 'JWT_SECRET', 'MAIL_PASSWORD',
      ],
      censor: '[redacted]',
    },
  });
}
