/**
 * `npm run migrate` applies pending migrations of every enabled module (in dependsOn order);
 * `npm run migrate:down` reverts the last one (`-- --to 0` reverts all).
 */
import { loadConfig } from '../config/index.js';
import { openDatabase } from '../server/db/sequelize.js';
import { createMigrator } from '../server/db/migrator.js';
import { loadModules } from '../server/host/host.js';
import path from 'node:path';

const [direction = 'up', ...rest] = process.argv.slice(2);
const config = loadConfig();
const modules = await loadModules({ config });
const db = await openDatabase(config);
const migrator = createMigrator(
  db.sequelize,
  modules.map((m) => ({ module: m.id, dir: path.resolve(m.dir, m.migrations ?? 'migrations') })),
);
try {
  if (direction === 'down') {
    const toIdx = rest.indexOf('--to');
    const done = toIdx >= 0 ? await migrator.down({ to: rest[toIdx + 1] === '0' ? 0 : rest[toIdx + 1] }) : await migrator.down();
    console.log(done.length ? `Reverted: ${done.map((m) => m.name).join(', ')}` : 'Nothing to revert');
  } else {
    const done = await migrator.up();
    console.log(done.length ? `Applied ${done.length} migration(s):\n  ${done.map((m) => m.name).join('\n  ')}` : 'The database is up to date');
  }
} finally {
  await db.close();
}
