/**
 * Loads every module's screens (one chunk each) after sign-in. A module whose chunk fails to
 * load, or whose default export is not a module definition, is left out and reported: it must
 * never take the rest of the back-office down with it.
 */
import type { AdminModule } from '../../contract.js';

export interface ModuleLoader {
  id: string;
  load: () => Promise<{ default?: unknown }>;
}

export interface LoadedAdminModule extends AdminModule {
  id: string;
}

export interface LoadedModules {
  modules: LoadedAdminModule[];
  failed: { id: string; reason: string }[];
}

function asModule(id: string, value: unknown): LoadedAdminModule {
  if (!value || typeof value !== 'object') throw new Error('its admin entry has no default export (defineAdminModule({...}))');
  const m = value as AdminModule;
  for (const key of ['resources', 'widgets', 'routes'] as const) {
    if (m[key] !== undefined && !Array.isArray(m[key])) throw new Error(`"${key}" must be an array`);
  }
  return { ...m, id };
}

export async function loadModules(loaders: ModuleLoader[]): Promise<LoadedModules> {
  const settled = await Promise.allSettled(loaders.map(async (l) => asModule(l.id, (await l.load()).default)));
  const out: LoadedModules = { modules: [], failed: [] };
  settled.forEach((r, i) => {
    if (r.status === 'fulfilled') out.modules.push(r.value);
    else {
      const reason = r.reason instanceof Error ? r.reason.message : String(r.reason);
      console.error(`The screens of module "${loaders[i].id}" could not be loaded: ${reason}`);
      out.failed.push({ id: loaders[i].id, reason });
    }
  });
  return out;
}
