/**
 * `npm start`: configuration, the host (migrations and seeds on start), then HTTP.
 */
import type { Server } from 'node:http';
import { ConfigError, loadConfig } from '../config/index.js';
import { createHost } from './host/host.js';
import { ModuleError } from './host/discovery.js';
import { DemoPasswordError, refuseDemoPasswordsInProduction } from './auth/production-check.js';
import { DEMO_PASSWORD } from './auth/passwords.js';
import { ensureAdminBuild } from './admin-build.js';
import { createLogger } from './logger.js';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  // Before the host: the app serves admin/dist only if it exists when its routes are set up.
  await ensureAdminBuild(config, createLogger(config));
  const host = await createHost({ config, migrate: true, seed: config.demoSeed && !config.isProduction ? 'demo' : 'base' });
  const { logger } = host;
  if (config.isProduction) await refuseDemoPasswordsInProduction(host);
  if (host.services.jobs.mode === 'in-process') logger.info('REDIS_URL is not set: background jobs run in-process in this web process');
  const server: Server = host.app.listen(config.port, config.host, () => {
    const url = config.publicUrl;
    logger.info({ url, database: config.db.embedded ? `embedded (${config.db.dataDir})` : 'postgresql' }, 'HIS is listening');
    if (!config.isProduction) {
      console.log(`\n  Hospital Information System: ${url}\n  Sign in as admin@healthcare.com / ${DEMO_PASSWORD} (or <role>@healthcare.com, e.g. physician@healthcare.com)\n`);
    }
  });
  server.on('error', (err: NodeJS.ErrnoException) => {
    console.error(err.code === 'EADDRINUSE' ? `Port ${config.port} is already in use: stop the other server or set PORT to a free port.` : err.message);
    void host.close().finally(() => process.exit(1));
  });
  const stop = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    server.close(() => void host.close().then(() => process.exit(0)));
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err) => {
  if (err instanceof ModuleError || err instanceof ConfigError || err instanceof DemoPasswordError) console.error(err.message);
  else console.error(err);
  process.exit(1);
});
