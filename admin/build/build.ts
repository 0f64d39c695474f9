/**
 * Builds the back-office into a directory, and tells whether a build is older than its sources.
 * A build goes to a private temporary directory first and is then swapped in, so a server
 * serving the old build, or a second build running at the same time, never sees half a build.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ADMIN_DIR, ROOT_DIR, adminViteConfig } from './vite-config.js';
import { coreAdminEntries, writeGeneratedModules, type DiscoveryOptions } from './discover.js';

export const DEFAULT_OUT_DIR = path.join(ADMIN_DIR, 'dist');
const BUILD_INFO = 'build-info.json';

export type BuildOptions = Omit<DiscoveryOptions, 'rootDir'> & { outDir?: string };

/** ADMIN_OUT_DIR overrides where the app is built (browser tests build into their own). */
export const outDirFromEnv = (env: NodeJS.ProcessEnv = process.env) => path.resolve(env.ADMIN_OUT_DIR || DEFAULT_OUT_DIR);

const SKIP = /(^|\/)(node_modules|generated|dist([.-][^/]*)?|\.build-[^/]*)$|\.test\.tsx?$/;

function newestSource(dir: string, newest = 0): number {
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (SKIP.test(full.split(path.sep).join('/'))) continue;
    if (entry.isDirectory()) newest = newestSource(full, newest);
    else newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function moduleIds(opts: BuildOptions): string[] {
  const dir = path.join(ROOT_DIR, 'modules');
  const disabled = new Set(opts.disabledModules ?? []);
  const local = fs.existsSync(dir) ? fs.readdirSync(dir).filter((id) => !disabled.has(id) && fs.existsSync(path.join(dir, id, 'admin'))) : [];
  return [...coreAdminEntries(ROOT_DIR).map((e) => e.id), ...local, ...(opts.plugins ?? [])].sort();
}

/** Why the build in `outDir` must be redone, or null when it is up to date. */
export function staleReason(opts: BuildOptions = {}): string | null {
  const outDir = opts.outDir ?? DEFAULT_OUT_DIR;
  const index = path.join(outDir, 'index.html');
  if (!fs.existsSync(index)) return 'no build yet';
  const builtAt = fs.statSync(index).mtimeMs;
  let newest = newestSource(ADMIN_DIR);
  const modulesDir = path.join(ROOT_DIR, 'modules');
  if (fs.existsSync(modulesDir)) for (const id of fs.readdirSync(modulesDir)) newest = newestSource(path.join(modulesDir, id, 'admin'), newest);
  for (const e of coreAdminEntries(ROOT_DIR)) newest = newestSource(path.dirname(e.file), newest);
  if (newest > builtAt) return 'sources changed since the last build';
  try {
    const info = JSON.parse(fs.readFileSync(path.join(outDir, BUILD_INFO), 'utf8')) as { modules: string[] };
    if (JSON.stringify(info.modules) !== JSON.stringify(moduleIds(opts))) return 'the list of modules changed';
  } catch {
    return 'no build information';
  }
  return null;
}

export interface BuildResult {
  outDir: string;
  modules: string[];
  ms: number;
}

export async function buildAdmin(opts: BuildOptions = {}): Promise<BuildResult> {
  const started = Date.now();
  const outDir = path.resolve(opts.outDir ?? DEFAULT_OUT_DIR);
  const entries = writeGeneratedModules({ rootDir: ROOT_DIR, disabledModules: opts.disabledModules, plugins: opts.plugins });
  const { build } = await import('vite');
  const parent = path.dirname(outDir);
  fs.mkdirSync(parent, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(parent, `.build-${path.basename(outDir)}-`));
  try {
    await withProductionEnv(() => build(adminViteConfig({ outDir: tmp, mode: 'production' })));
    fs.writeFileSync(path.join(tmp, BUILD_INFO), JSON.stringify({ modules: moduleIds(opts), entries: entries.map((e) => e.id), builtAt: new Date().toISOString() }));
    swapIn(tmp, outDir);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return { outDir, modules: entries.map((e) => e.id), ms: Date.now() - started };
}

/**
 * Vite and the React plugin pick React's development runtime from NODE_ENV, so a build run
 * from tests (NODE_ENV=test) or a dev shell would ship a slower, larger app: build as production.
 */
async function withProductionEnv<T>(fn: () => Promise<T>): Promise<T> {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    return await fn();
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
}

function swapIn(tmp: string, outDir: string) {
  const old = `${tmp}-old`;
  if (fs.existsSync(outDir)) fs.renameSync(outDir, old);
  try {
    fs.renameSync(tmp, outDir);
  } catch (err) {
    // Another build swapped its output in first: theirs is as fresh as ours.
    if ((err as NodeJS.ErrnoException).code !== 'ENOTEMPTY' && (err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  fs.rmSync(old, { recursive: true, force: true });
}
