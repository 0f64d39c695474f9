/**
 * `npm run worker`: the host without HTTP, processing the BullMQ queue. Needs REDIS_URL; the
 * web process runs migrations, so start it (or `npm run migrate`) first.
 */
import { ConfigError, loadConfig } from '../../config/index.js';
import { createHost } from '../host/host.js';
import { ModuleError } from '../host/discovery.js';
import { createJobs } from './create-jobs.js';

async function main() {
  const config = loadConfig();
  if (!config.redisUrl) {
    console.error('npm run worker needs REDIS_URL: without Redis, jobs run in-process in the web process (npm start)');
    process.exit(1);
  }
  const host = await createHost({ config, migrate: false, seed: false, jobs: (_services, logger) => createJobs(config, logger, 'worker') });
  host.logger.info('worker is processing jobs');
  const stop = (signal: string) => {
    host.logger.info({ signal }, 'worker shutting down');
    void host.close().then(() => process.exit(0));
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err) => {
  if (err instanceof ModuleError || err instanceof ConfigError) console.error(err.message);
  else console.error(err);
  process.exit(1);
});
