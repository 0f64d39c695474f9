import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../config/index.js';
import { ModuleError, orderModules } from '../server/host/discovery.js';
import { loadModules } from '../server/host/host.js';
import { defineModule } from '../server/host/types.js';
import { scaffoldModule } from '../scripts/new-module.js';
import { startServer, testConfig, unique } from './support/harness.js';

const m = (id: string, dependsOn: string[] = []) => ({ id, dependsOn });
const ids = (ms: { id: string }[]) => ms.map((x) => x.id);

describe('module ordering', () => {
  it('orders modules by dependsOn, whatever the discovery order', () => {
    const ordered = ids(orderModules([m('pharmacy', ['inventory', 'clinical']), m('clinical', ['patients']), m('inventory'), m('patients')]));
    expect(ordered.indexOf('patients')).toBeLessThan(ordered.indexOf('clinical'));
    expect(ordered.indexOf('inventory')).toBeLessThan(ordered.indexOf('pharmacy'));
    expect(ordered.indexOf('clinical')).toBeLessThan(ordered.indexOf('pharmacy'));
  });

  it('a missing dependency stops start-up naming both modules', () => {
    expect(() => orderModules([m('laboratory', ['inventory'])])).toThrow(/"laboratory" depends on "inventory", which is not installed/);
  });

  it('a cycle stops start-up naming the modules in it', () => {
    expect(() => orderModules([m('a', ['b']), m('b', ['c']), m('c', ['a'])])).toThrow(ModuleError);
    expect(() => orderModules([m('a', ['b']), m('b', ['c']), m('c', ['a'])])).toThrow(/cycle: a -> b -> c -> a/);
  });

  it('a disabled module is left out, and a module that needs it fails loudly', () => {
    expect(ids(orderModules([m('patients'), m('radiology')], ['radiology']))).toEqual(['patients']);
    expect(() => orderModules([m('patients'), m('clinical', ['patients'])], ['patients'])).toThrow(
      /"clinical" depends on "patients", which is disabled \(DISABLED_MODULES\)/,
    );
  });

  it('the platform module cannot be disabled', () => {
    expect(() => orderModules([m('platform')], ['platform'], ['platform'])).toThrow(/cannot be disabled/);
  });

  it('DISABLED_MODULES removes a module from the host, and its dependants fail naming why', async () => {
    const leaf = { id: 'leaf-probe', version: '1', label: 'Leaf' };
    const user = { id: 'user-probe', version: '1', label: 'User', dependsOn: ['leaf-probe'] };
    const modules = await loadModules({ config: testConfig({ DISABLED_MODULES: 'leaf-probe' }), extraModules: [leaf] });
    expect(ids(modules)).not.toContain('leaf-probe');
    expect(ids(modules)[0]).toBe('platform');
    await expect(loadModules({ config: testConfig({ DISABLED_MODULES: 'leaf-probe' }), extraModules: [leaf, user] })).rejects.toThrow(
      /"user-probe" depends on "leaf-probe", which is disabled/,
    );
  });

  it('an npm package named in PLUGINS is loaded as a module; a missing one is named', async () => {
    const pkg = `his-test-plugin-${unique()}`;
    const dir = path.join(ROOT_DIR, 'node_modules', pkg);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: pkg, version: '1.0.0', type: 'module', main: 'index.js' }));
    fs.writeFileSync(path.join(dir, 'index.js'), `export default { id: 'plugin-probe', version: '1.0.0', label: 'Plugin probe', dependsOn: ['patients'] };`);
    try {
      const modules = await loadModules({ config: testConfig({ PLUGINS: pkg }) });
      const ordered = ids(modules);
      expect(ordered).toContain('plugin-probe');
      expect(ordered.indexOf('patients')).toBeLessThan(ordered.indexOf('plugin-probe'));
      expect(fs.realpathSync(modules.find((x) => x.id === 'plugin-probe')!.dir)).toBe(fs.realpathSync(dir));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    await expect(loadModules({ config: testConfig({ PLUGINS: 'his-no-such-plugin' }) })).rejects.toThrow(/Plugin "his-no-such-plugin" named in PLUGINS is not installed/);
  });

  it('an invalid manifest is refused with the module named', async () => {
    await expect(loadModules({ config: testConfig(), extraModules: [{ id: 'Bad Id', version: '1', label: 'x' } as never] })).rejects.toThrow(
      /Invalid module manifest in module Bad Id: id/,
    );
  });
});

describe('a module contributes through its manifest', () => {
  it("a module's resource answers in the API and appears in OpenAPI", async () => {
    const { DataTypes } = await import('sequelize');
    const table = `host_probe_${unique()}`;
    const probe = defineModule({
      id: 'host-probe',
      version: '1.0.0',
      label: 'Probe',
      models: ({ sequelize }) => ({
        Probe: sequelize.define('Probe', { id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 }, name: DataTypes.TEXT }, { tableName: table, underscored: true, version: true }),
      }),
      grants: [{ role: 'superadmin', resource: 'host-probes', action: 'read' }],
      resources: ({ models }) => [{ name: 'host-probes', model: models.Probe, operations: { create: false, update: false, delete: false } }],
      async bootstrap({ sequelize }) {
        await sequelize.query(`CREATE TABLE IF NOT EXISTS ${table} (id uuid PRIMARY KEY, name text, created_at timestamptz, updated_at timestamptz, version int)`);
      },
    });
    const server = await startServer({ only: ['host-probe'], extraModules: [probe] });
    try {
      const admin = await server.login('admin@healthcare.com');
      const list = await admin.get('/api/host-probes');
      expect(list.status).toBe(200);
      expect(list.headers.get('content-range')).toBe('host-probes 0-0/0');
      expect((await (await server.login('physician@healthcare.com')).get('/api/host-probes')).status).toBe(403);
      const doc = await server.api.get('/api/openapi.json');
      expect(Object.keys(doc.body.paths)).toContain('/api/host-probes');
    } finally {
      await server.close();
    }
  });
});

describe('npm run new-module', () => {
  const modulesDir = path.join(ROOT_DIR, 'tests', '.tmp', `modules-${unique()}`);
  afterAll(() => fs.rmSync(modulesDir, { recursive: true, force: true }));

  it('scaffolds a module whose resource answers after a restart, appears in OpenAPI, and whose own test passes', async () => {
    const id = `clinic-extra${unique().replace(/[^a-z]/g, '').slice(0, 6)}`;
    const dir = scaffoldModule(id, modulesDir);
    for (const f of ['module.ts', 'resources.ts', 'grants.ts', 'migrations/001_init.ts', `models/${id}-record.model.ts`, 'admin/index.tsx', `${id}.test.ts`]) {
      expect(fs.existsSync(path.join(dir, f)), f).toBe(true);
    }
    const server = await startServer({ modulesDir, only: [id] });
    try {
      const admin = await server.login('admin@healthcare.com');
      const created = await admin.post(`/api/${id}-records`, { name: 'hello' });
      expect(created.status).toBe(201);
      expect((await admin.get(`/api/${id}-records`)).body.map((r: { id: string }) => r.id)).toContain(created.body.id);
      expect(Object.keys((await server.api.get('/api/openapi.json')).body.paths)).toContain(`/api/${id}-records`);
    } finally {
      await server.close();
    }
    // The scaffold's own test runs green in a separate vitest run.
    const run = spawnSync(path.join(ROOT_DIR, 'node_modules/.bin/vitest'), ['run', '--project', 'server', path.relative(ROOT_DIR, path.join(dir, `${id}.test.ts`))], {
      cwd: ROOT_DIR,
      env: { ...process.env, MODULES_DIR: modulesDir },
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/2 passed/);
  }, 300_000);
});
