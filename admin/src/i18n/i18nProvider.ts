/**
 * Translations with ra-i18n-polyglot. English is bundled; French is loaded when chosen.
 * Modules add their own messages when their screens load (`messages: { en, fr }`).
 */
import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import type { I18nProvider, TranslationMessages } from 'react-admin';
import { en } from './en.js';
import { LOCALE_NAMES } from './locales.js';
import { mergeMessages, type Messages } from './merge.js';


const fromModules: Record<string, Messages[]> = {};

/** Adds a module's messages; call `refreshLocale` after to apply them to the current locale. */
export function addModuleMessages(byLocale: Record<string, Record<string, unknown>> | undefined): void {
  for (const [locale, messages] of Object.entries(byLocale ?? {})) (fromModules[locale] ??= []).push(messages as Messages);
}

const moduleTree = (locale: string) => mergeMessages(...(fromModules.en ?? []), ...(locale === 'en' ? [] : fromModules[locale] ?? []));

function getMessages(locale: string): TranslationMessages | Promise<TranslationMessages> {
  if (locale === 'fr') {
    return Promise.all([import('ra-language-french'), import('./fr.js')]).then(([ra, own]) =>
      // English first, so a key missing in French still reads as English rather than as a key.
      mergeMessages(englishMessages as unknown as Messages, en, ra.default as unknown as Messages, own.fr, moduleTree('fr')) as unknown as TranslationMessages,
    );
  }
  return mergeMessages(englishMessages as unknown as Messages, en, moduleTree('en')) as unknown as TranslationMessages;
}

export const i18nProvider: I18nProvider = polyglotI18nProvider(getMessages, 'en', LOCALE_NAMES, { allowMissing: true });

/** Re-reads the messages of the current locale (after modules added theirs). */
export function refreshLocale(): Promise<void> {
  return i18nProvider.changeLocale(i18nProvider.getLocale());
}
