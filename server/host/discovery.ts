/**
 * Finds modules (modules/*\/module.ts and npm packages named in config `plugins`), validates
 * their manifests and orders them by `dependsOn`. Order comes from dependencies only, never
 * from folder or array order; errors name the modules involved.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { LoadedModule, ModuleManifest } from './types.js';

export class ModuleError extends Error {}

const ID = /^[a-z][a-z0-9-]*$/;
const manifestSchema = z.object({
  id: z.string().regex(ID, 'kebab-case id'),
  version: z.string().min(1),
  label: z.string().min(1),
  dependsOn: z.array(z.string().regex(ID)).optional(),
  grants: z.array(z.object({ role: z.string(), resource: z.string(), action: z.string() }).loose()).optional(),
  roles: z.array(z.object({ name: z.string().regex(/^[a-z][a-z0-9_]*$/), label: z.string() }).loose()).optional(),
});

export function validateManifest(m: unknown, source: string): ModuleManifest {
  const r = manifestSchema.safeParse(m);
  if (!r.success) {
    const why = r.error.issues.map((i) => `${i.path.join('.') || '(manifest)'}: ${i.message}`).join('; ');
    throw new ModuleError(`Invalid module manifest in ${source}: ${why}`);
  }
  for (const key of ['models', 'associations', 'resources', 'routes', 'bootstrap'] as const) {
    if ((m as any)[key] !== undefined && typeof (m as any)[key] !== 'function') {
      throw new ModuleError(`Invalid module manifest in ${source}: ${key} must be a function`);
    }
  }
  return m as ModuleManifest;
}

async function importManifest(file: string, source: string, dir: string): Promise<LoadedModule> {
  const mod = await import(pathToFileURL(file).href);
  const manifest = validateManifest(mod.default ?? mod.module, source);
  return { ...manifest, dependsOn: manifest.dependsOn ?? [], dir, source };
}

export async function discoverModules(opts: {
  modulesDir: string;
  plugins?: string[];
  rootDir: string;
}): Promise<LoadedModule[]> {
  const found: LoadedModule[] = [];
  if (fs.existsSync(opts.modulesDir)) {
    for (const name of fs.readdirSync(opts.modulesDir).sort()) {
      const dir = path.join(opts.modulesDir, name);
      const file = ['module.ts', 'module.js'].map((f) => path.join(dir, f)).find((f) => fs.existsSync(f));
      if (!file) continue;
      const m = await importManifest(file, `modules/${name}`, dir);
      if (m.id !== name) throw new ModuleError(`Module in modules/${name} declares id "${m.id}": the id must match its folder`);
      found.push(m);
    }
  }
  const require = createRequire(path.join(opts.rootDir, 'package.json'));
  for (const pkg of opts.plugins ?? []) {
    let entry: string;
    try {
      entry = require.resolve(pkg);
    } catch {
      throw new ModuleError(`Plugin "${pkg}" named in PLUGINS is not installed (npm install ${pkg})`);
    }
    const pkgDir = path.dirname(require.resolve(`${pkg}/package.json`));
    found.push(await importManifest(entry, `plugin ${pkg}`, pkgDir));
  }
  const seen = new Map<string, string>();
  for (const m of found) {
    if (seen.has(m.id)) throw new ModuleError(`Module id "${m.id}" is declared twice: ${seen.get(m.id)} and ${m.source}`);
    seen.set(m.id, m.source);
  }
  return found;
}

/**
 * Drops disabled modules, then orders by dependsOn (depth-first topological sort; ties keep
 * the alphabetical discovery order so the result is stable).
 */
export function orderModules<T extends { id: string; dependsOn: string[] }>(
  modules: T[],
  disabled: string[] = [],
  always: string[] = [],
): T[] {
  const byId = new Map(modules.map((m) => [m.id, m]));
  for (const d of disabled) {
    if (always.includes(d)) throw new ModuleError(`Module "${d}" is part of the platform and cannot be disabled`);
  }
  const enabled = modules.filter((m) => !disabled.includes(m.id));
  for (const m of enabled) {
    for (const dep of m.dependsOn) {
      if (disabled.includes(dep) && byId.has(dep)) {
        throw new ModuleError(`Module "${m.id}" depends on "${dep}", which is disabled (DISABLED_MODULES): enable "${dep}" or disable "${m.id}" too`);
      }
      if (!byId.has(dep)) throw new ModuleError(`Module "${m.id}" depends on "${dep}", which is not installed`);
    }
  }
  const out: T[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (m: T, trail: string[]) => {
    const s = state.get(m.id);
    if (s === 'done') return;
    if (s === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(m.id)), m.id];
      throw new ModuleError(`Modules depend on each other in a cycle: ${cycle.join(' -> ')}`);
    }
    state.set(m.id, 'visiting');
    for (const dep of m.dependsOn) visit(byId.get(dep)!, [...trail, m.id]);
    state.set(m.id, 'done');
    out.push(m);
  };
  for (const m of enabled) visit(m, []);
  return out;
}
