/**
 * Finds every module's back-office entry (`server/<core module>/admin/index.tsx` for the
 * platform's own modules, `modules/<id>/admin/index.tsx`, or `admin/index.tsx` in a plugin
 * package) and writes `admin/src/generated/modules.ts`, the list the app imports.
 * Each entry is a dynamic import, so the build makes one lazily loaded chunk per module.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

export interface DiscoveryOptions {
  rootDir: string;
  disabledModules?: string[];
  plugins?: string[];
}

export interface AdminEntry {
  id: string;
  /** Absolute path of the module's admin entry. */
  file: string;
}

const ENTRY_NAMES = ['index.tsx', 'index.ts', 'index.jsx', 'index.js'];

function entryIn(dir: string): string | undefined {
  return ENTRY_NAMES.map((f) => path.join(dir, 'admin', f)).find((f) => fs.existsSync(f));
}

/** Platform modules under server/ with screens (workflows: rules, approvals, ...); never disabled. */
export function coreAdminEntries(rootDir: string): AdminEntry[] {
  const serverDir = path.join(rootDir, 'server');
  return fs
    .readdirSync(serverDir)
    .sort()
    .map((id) => ({ id, file: entryIn(path.join(serverDir, id)) }))
    .filter((e): e is AdminEntry => !!e.file);
}

export function discoverAdminEntries(opts: DiscoveryOptions): AdminEntry[] {
  const disabled = new Set(opts.disabledModules ?? []);
  const found: AdminEntry[] = [...coreAdminEntries(opts.rootDir)];
  const modulesDir = path.join(opts.rootDir, 'modules');
  if (fs.existsSync(modulesDir)) {
    for (const id of fs.readdirSync(modulesDir).sort()) {
      if (disabled.has(id)) continue;
      const file = entryIn(path.join(modulesDir, id));
      if (file) found.push({ id, file });
    }
  }
  const require = createRequire(path.join(opts.rootDir, 'package.json'));
  for (const pkg of opts.plugins ?? []) {
    let dir: string;
    try {
      dir = path.dirname(require.resolve(`${pkg}/package.json`));
    } catch {
      continue; // the host reports a missing plugin at boot; the screens simply do not appear
    }
    const id = pkg.replace(/^@[^/]+\//, '');
    const file = entryIn(dir);
    if (file && !disabled.has(id)) found.push({ id, file });
  }
  return found;
}

export function generatedModulesSource(entries: AdminEntry[], generatedDir: string): string {
  const lines = entries.map((e) => {
    let rel = path.relative(generatedDir, e.file).split(path.sep).join('/');
    if (!rel.startsWith('.')) rel = `./${rel}`;
    // `.js` names the TypeScript source for both tsc (NodeNext) and Vite.
    rel = rel.replace(/\.(tsx|ts|jsx)$/, '.js');
    return `  { id: ${JSON.stringify(e.id)}, load: () => import(${JSON.stringify(rel)}) },`;
  });
  return `// Written by admin/build/discover.ts at build time: do not edit, do not commit.
import type { ModuleLoader } from '../modules/loader.js';

export const moduleLoaders: ModuleLoader[] = [
${lines.join('\n')}
];
`;
}

/** Writes the generated list; rewrites it only when it changes so hot reload stays quiet. */
export function writeGeneratedModules(opts: DiscoveryOptions): AdminEntry[] {
  const entries = discoverAdminEntries(opts);
  const dir = path.join(opts.rootDir, 'admin', 'src', 'generated');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'modules.ts');
  const source = generatedModulesSource(entries, dir);
  if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== source) {
    // Written aside then renamed: a concurrent build never reads half a file.
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    fs.writeFileSync(tmp, source);
    fs.renameSync(tmp, file);
  }
  return entries;
}
