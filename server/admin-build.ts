import type { Logger } from 'pino';
import type { Config } from '../config/index.js';
import { buildAdmin, outDirFromEnv, staleReason } from '../admin/build/build.js';

/**
 * Builds the back-office when its build is missing or older than its sources (admin/ and
 * modules/*\/admin/), so `npm start` always serves screens that match the code. Production
 * images ship a build; a failed build is logged and the API keeps running.
 */
export async function ensureAdminBuild(config: Readonly<Config>, logger: Logger): Promise<void> {
  const opts = { outDir: outDirFromEnv(), disabledModules: config.disabledModules, plugins: config.plugins };
  const reason = staleReason(opts);
  if (!reason) return;
  logger.info({ reason }, 'building the back-office');
  try {
    const result = await buildAdmin(opts);
    logger.info({ ms: result.ms, modules: result.modules }, 'back-office built');
  } catch (err) {
    logger.error({ err }, 'the back-office could not be built; the API is running, the browser app is not up to date');
  }
}
