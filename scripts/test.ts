/**
 * `npm test`: PostgreSQL, Redis and Chromium first (started when installed but stopped), then
 * vitest. Extra arguments go to vitest (`npm test -- modules/patients`).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureChromium, ensurePostgres, ensureRedis, MissingService } from './services.js';

try {
  const env = {
    ...process.env,
    DATABASE_URL: await ensurePostgres(),
    REDIS_URL: await ensureRedis(),
    CHROME_PATH: ensureChromium(),
    NODE_ENV: 'test',
  };
  const vitest = path.resolve('node_modules/.bin/vitest');
  const child = spawn(vitest, ['run', ...process.argv.slice(2)], { stdio: 'inherit', env });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} catch (err) {
  if (err instanceof MissingService) {
    console.error(`\nCannot run the tests: ${err.message}\n`);
    process.exit(1);
  }
  throw err;
}
