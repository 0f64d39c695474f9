/**
 * The chosen language, stored where react-admin's store keeps it (`RaStore.locale`), so the
 * choice made on the sign-in page carries into the application and back.
 */
import { en } from '../i18n/en.js';
import { fr } from '../i18n/fr.js';

const KEY = 'RaStore.locale';
const TREES: Record<string, unknown> = { en, fr };

export function storedLocale(): string {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? '"en"');
    return typeof v === 'string' && v in TREES ? v : 'en';
  } catch {
    return 'en';
  }
}

export function storeLocale(locale: string): void {
  localStorage.setItem(KEY, JSON.stringify(locale));
}

/** A dotted key of the shell's messages, in the given language. */
export function shellText(locale: string, key: string): string {
  const walk = (tree: unknown) => key.split('.').reduce<unknown>((node, k) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[k] : undefined), tree);
  const v = walk(TREES[locale]) ?? walk(en);
  return typeof v === 'string' ? v : key;
}
