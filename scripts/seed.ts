/**
 * `npm run seed`: base data of every module (idempotent) and the demo data not loaded yet,
 * with a progress bar per module.
 */
import { loadConfig } from '../config/index.js';
import { createHost } from '../server/host/host.js';

const config = loadConfig();
if (config.isProduction) {
  console.error('npm run seed loads demo accounts with a known password: not in production (NODE_ENV=production).');
  process.exit(1);
}
const host = await createHost({ config, migrate: true, seed: 'demo' });
await host.close();
console.log('Seed complete.');
