/**
 * Umzug over Sequelize: one migrations folder per module, run in module order (dependsOn),
 * then by file name. Each migration is named `<module>/<file>` in the `schema_migrations` table.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { QueryInterface, Sequelize } from 'sequelize';
import { SequelizeStorage, Umzug } from 'umzug';

export interface MigrationContext {
  sequelize: Sequelize;
  qi: QueryInterface;
  /** Runs one or more SQL statements (in the migration's transaction). */
  sql(text: string): Promise<void>;
}
export interface Migration {
  up(ctx: MigrationContext): Promise<void>;
  down(ctx: MigrationContext): Promise<void>;
}

export interface MigrationSource {
  module: string;
  dir: string;
}

export function listMigrations(sources: MigrationSource[]) {
  const out: { name: string; file: string }[] = [];
  for (const src of sources) {
    if (!fs.existsSync(src.dir)) continue;
    for (const f of fs.readdirSync(src.dir).filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts')).sort()) {
      out.push({ name: `${src.module}/${f.replace(/\.(ts|js)$/, '')}`, file: path.join(src.dir, f) });
    }
  }
  return out;
}

export function createMigrator(sequelize: Sequelize, sources: MigrationSource[], logger?: { info(o: object, m: string): void }) {
  const context: MigrationContext = {
    sequelize,
    qi: sequelize.getQueryInterface(),
    async sql(text) {
      await sequelize.query(text);
    },
  };
  return new Umzug<MigrationContext>({
    migrations: listMigrations(sources).map(({ name, file }) => ({
      name,
      async up({ context: ctx }) {
        const m = (await import(pathToFileURL(file).href)) as Migration;
        await sequelize.transaction(() => m.up(ctx));
      },
      async down({ context: ctx }) {
        const m = (await import(pathToFileURL(file).href)) as Migration;
        await sequelize.transaction(() => m.down(ctx));
      },
    })),
    context,
    storage: new SequelizeStorage({ sequelize, tableName: 'schema_migrations' }),
    logger: logger
      ? { info: (m) => logger.info(m as object, 'migration'), warn: () => {}, error: () => {}, debug: () => {} }
      : undefined,
  });
}

/** Columns every business record carries (architecture §6). */
export const STANDARD_COLUMNS = `
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  updated_by uuid,
  version integer NOT NULL DEFAULT 1`;
