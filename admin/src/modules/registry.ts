/**
 * The app's modules: the built-in administration screens plus every module the build found.
 * Loaded once, after sign-in, so none of their code is part of the sign-in page.
 */
import { moduleLoaders } from '../generated/modules.js';
import { loadModules, type LoadedModules, type ModuleLoader } from './loader.js';

const builtIn: ModuleLoader[] = [{ id: 'platform', load: () => import('../administration/index.js') }];

let loaded: Promise<LoadedModules> | null = null;

export function appModules(): Promise<LoadedModules> {
  loaded ??= loadModules([...builtIn, ...moduleLoaders]);
  return loaded;
}
