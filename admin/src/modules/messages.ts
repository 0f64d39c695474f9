/** Merges the modules' translations into the app's, once, then re-reads the current locale. */
import { addModuleMessages, refreshLocale } from '../i18n/i18nProvider.js';
import type { LoadedAdminModule } from './loader.js';

let applied = false;

export async function applyModuleMessages(modules: LoadedAdminModule[]): Promise<void> {
  if (!applied) {
    applied = true;
    for (const m of modules) addModuleMessages(m.messages);
  }
  await refreshLocale();
}
