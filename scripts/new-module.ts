/**
 * `npm run new-module -- <id> [--dir <modules folder>]` scaffolds modules/<id>/: a manifest,
 * one model and its migration, the REST resource `<id>-records`, superadmin grants, admin
 * screens and a passing test. After a restart the resource answers at /api/<id>-records and
 * appears in /api/openapi.json, with no edit outside the new folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT_DIR } from '../config/index.js';

export function scaffoldModule(id: string, modulesDir = path.join(ROOT_DIR, 'modules')): string {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(id)) throw new Error(`"${id}" is not a kebab-case module id (e.g. staff-training)`);
  const dir = path.join(modulesDir, id);
  if (fs.existsSync(dir)) throw new Error(`${path.relative(ROOT_DIR, dir)} already exists`);
  const resource = `${id}-records`;
  const table = `${id.replace(/-/g, '_')}_records`;
  const pascal = id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
  const model = `${pascal}Record`;
  const label = id.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
  const files: Record<string, string> = {
    'module.ts': `/**
 * ${label}: scaffolded by npm run new-module. Describe what the department does here.
 */
import { defineModule } from '@ROOT@/server/host/types.js';
import { grants } from './grants.js';
import { define${model} } from './models/${id}-record.model.js';
import { resources } from './resources.js';

export default defineModule({
  id: '${id}',
  version: '0.1.0',
  label: '${label}',
  menu: '${label}',
  dependsOn: [],
  models: ({ sequelize }) => ({ ${model}: define${model}(sequelize) }),
  grants,
  resources,
});
`,
    [`models/${id}-record.model.ts`]: `import type { Sequelize } from 'sequelize';
import { DataTypes, defineModel } from '@ROOT@/server/db/model.js';

export function define${model}(sequelize: Sequelize) {
  return defineModel(sequelize, '${model}', '${table}', {
    name: { type: DataTypes.TEXT, allowNull: false },
    status: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'open' },
    notes: { type: DataTypes.TEXT },
  });
}
`,
    'migrations/001_init.ts': `import { STANDARD_COLUMNS, type MigrationContext } from '@ROOT@/server/db/migrator.js';

export async function up({ sql }: MigrationContext) {
  await sql(\`CREATE TABLE ${table} (
    \${STANDARD_COLUMNS},
    name text NOT NULL,
    status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    notes text
  )\`);
}

export async function down({ sql }: MigrationContext) {
  await sql(\`DROP TABLE ${table}\`);
}
`,
    'resources.ts': `import { Op } from 'sequelize';
import { z } from 'zod';
import type { ModuleContext } from '@ROOT@/server/host/types.js';
import type { ResourceDefinition } from '@ROOT@/server/http/resource.js';

const schema = z.object({
  name: z.string().trim().min(1, 'required').max(200),
  status: z.enum(['open', 'closed']).optional(),
  notes: z.string().max(2000).nullish(),
});

export function resources({ models }: ModuleContext): ResourceDefinition[] {
  return [
    {
      name: '${resource}',
      label: '${label} records',
      model: models.${model},
      createSchema: schema,
      sortable: ['name', 'status', 'createdAt'],
      filters: { status: 'eq' },
      search: (q) => ({ name: { [Op.iLike]: \`%\${q}%\` } }),
    },
  ];
}
`,
    'grants.ts': `import { grant, type GrantRow } from '@ROOT@/server/access/grants.js';

export const grants: GrantRow[] = [...grant('superadmin', '${resource}', ['read', 'create', 'update', 'delete', 'export'])];
`,
    'admin/index.tsx': `import { Create, Datagrid, DateField, Edit, List, SelectInput, Show, SimpleForm, SimpleShowLayout, TextField, TextInput } from 'react-admin';
import { defineAdminModule } from '@ROOT@/admin/contract.js';

const statuses = [{ id: 'open', name: 'Open' }, { id: 'closed', name: 'Closed' }];
const RecordList = () => (
  <List filters={[<TextInput key="q" source="q" label="Search" alwaysOn />]}>
    <Datagrid rowClick="show">
      <TextField source="name" />
      <TextField source="status" />
      <DateField source="createdAt" />
    </Datagrid>
  </List>
);
const RecordShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="status" />
      <TextField source="notes" />
    </SimpleShowLayout>
  </Show>
);
const Form = () => (
  <SimpleForm>
    <TextInput source="name" />
    <SelectInput source="status" choices={statuses} />
    <TextInput source="notes" multiline />
  </SimpleForm>
);
const RecordCreate = () => <Create><Form /></Create>;
const RecordEdit = () => <Edit><Form /></Edit>;

export default defineAdminModule({
  resources: [{ name: '${resource}', list: RecordList, show: RecordShow, create: RecordCreate, edit: RecordEdit, menu: '${label}' }],
});
`,
    [`${id}.test.ts`]: `import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '@ROOT@/tests/support/harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ only: ['${id}'] });
});
afterAll(() => server?.close());

describe('${id}', () => {
  it('a superadmin creates and lists ${resource}', async () => {
    const admin = await server.login('admin@healthcare.com');
    const created = await admin.post('/api/${resource}', { name: 'First record' });
    expect(created.status).toBe(201);
    const list = await admin.list('${resource}', { filter: { q: 'First record' } });
    expect(list.body.map((r: { id: string }) => r.id)).toContain(created.body.id);
  });

  it('other roles are refused', async () => {
    const clerk = await server.login('registration@healthcare.com');
    expect((await clerk.list('${resource}')).status).toBe(403);
  });
});
`,
  };
  for (const [file, content] of Object.entries(files)) {
    const target = path.join(dir, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const root = path.relative(path.dirname(target), ROOT_DIR).split(path.sep).join('/');
    fs.writeFileSync(target, content.replaceAll('@ROOT@', root));
  }
  return dir;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('new-module.ts')) {
  const args = process.argv.slice(2);
  const dirIdx = args.indexOf('--dir');
  const id = args.find((a, i) => !a.startsWith('--') && i !== dirIdx + 1);
  if (!id) {
    console.error('Usage: npm run new-module -- <id>   (kebab-case, e.g. staff-training)');
    process.exit(1);
  }
  try {
    const dir = scaffoldModule(id, dirIdx >= 0 ? path.resolve(args[dirIdx + 1]) : undefined);
    console.log(`Created ${path.relative(process.cwd(), dir)}/. Restart the server: GET /api/${id}-records answers for a superadmin.`);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
}
