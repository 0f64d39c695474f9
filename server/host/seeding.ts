/**
 * Bootstrap data: the roles table mirrors the roles and grants the modules declare; base seeds
 * (idempotent, keyed upserts) run on every start; demo data loads once, with progress shown.
 */
import { QueryTypes, type Sequelize } from 'sequelize';
import type { Logger } from 'pino';
import type { Config } from '../../config/index.js';
import type { GrantRow } from '../access/grants.js';
import type { LoadedModule, ModuleContext, RoleDefinition } from './types.js';

export async function metaGet<T>(sequelize: Sequelize, key: string): Promise<T | undefined> {
  const [row] = await sequelize.query<{ value: T }>(`SELECT value FROM his_meta WHERE key = :key`, { type: QueryTypes.SELECT, replacements: { key } });
  return row?.value;
}

export async function metaSet(sequelize: Sequelize, key: string, value: unknown) {
  await sequelize.query(
    `INSERT INTO his_meta (key, value) VALUES (:key, :value) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
    { replacements: { key, value: JSON.stringify(value) } },
  );
}

function progressBar(logger: Logger, label: string) {
  let last = -1;
  const tty = process.stdout.isTTY;
  return (done: number, total: number) => {
    const pct = total ? Math.floor((done / total) * 100) : 100;
    if (pct === last) return;
    last = pct;
    if (tty) {
      const bar = '#'.repeat(Math.floor(pct / 5)).padEnd(20, '.');
      process.stdout.write(`\r  ${label.padEnd(14)} [${bar}] ${String(pct).padStart(3)}% (${done}/${total})${done >= total ? '\n' : ''}`);
    } else if (pct % 25 === 0) {
      logger.info({ seed: label, done, total }, `seeding ${label}: ${pct}%`);
    }
  };
}

export async function runSeeds(opts: {
  modules: LoadedModule[];
  ctx: (m: LoadedModule) => ModuleContext;
  sequelize: Sequelize;
  logger: Logger;
  roles: (RoleDefinition & { module: string })[];
  grants: GrantRow[];
  demo: boolean;
  config: Readonly<Config>;
}) {
  const { sequelize, logger } = opts;
  await sequelize.transaction(async () => {
    for (const role of opts.roles) {
      const grants = opts.grants.filter((g) => g.role === role.name).map(({ role: _r, ...g }) => ({ possession: 'any', ...g }));
      await sequelize.query(
        `INSERT INTO roles (id, label, description, module, grants) VALUES (:id, :label, :description, :module, :grants)
         ON CONFLICT (id) DO UPDATE SET label = EXCLUDED.label, description = EXCLUDED.description, module = EXCLUDED.module,
           grants = EXCLUDED.grants, updated_at = now(), version = roles.version + 1
         WHERE roles.grants IS DISTINCT FROM EXCLUDED.grants OR roles.label IS DISTINCT FROM EXCLUDED.label`,
        { replacements: { id: role.name, label: role.label, description: role.description ?? null, module: role.module, grants: JSON.stringify(grants) } },
      );
    }
    await sequelize.query(
      `INSERT INTO facility_settings (key, value) VALUES ('facility_code', :code) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
      { replacements: { code: opts.config.facility.code } },
    );
  });
  for (const m of opts.modules) await m.seeds?.base?.(opts.ctx(m));
  if (!opts.demo) return;
  const done = (await metaGet<string[]>(sequelize, 'demo-seeded')) ?? [];
  const todo = opts.modules.filter((m) => m.seeds?.demo && !done.includes(m.id));
  if (!todo.length) return;
  logger.info({ modules: todo.map((m) => m.id) }, 'loading demo data');
  for (const m of todo) {
    await m.seeds!.demo!(opts.ctx(m), progressBar(logger, m.id));
    done.push(m.id);
    await metaSet(sequelize, 'demo-seeded', done);
  }
}
