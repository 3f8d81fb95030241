import i18next, { type i18n } from 'i18next';
import { en } from './en.js';
import { fr, type Catalogue } from './fr.js';

/**
 * livret's messages: one catalogue per language (./fr.ts, ./en.ts) through
 * i18next. French by default; `LIVRET_LANG=en` gives English. The locale
 * (LANG, LC_ALL) is not followed: CPAM computers and servers often run with
 * an English or C locale, and the tool is written for French writers.
 * yargs' own framing ("Options :", "Commandes :") follows the same choice
 * through its `.locale()`.
 */
export type Language = 'fr' | 'en';
export const LANGUAGES: readonly Language[] = ['fr', 'en'];

/** A catalogue key without i18next's plural suffix (`_one`, `_other`). */
export type MessageKey = keyof Catalogue extends infer K ? (K extends `${infer Base}_${'one' | 'other'}` ? Base : K) : never;

/** `LIVRET_LANG=en`, `en_GB.UTF-8` or `EN` → en; anything else (or nothing) → fr. */
export function languageFromEnvironment(env: NodeJS.ProcessEnv = process.env): Language {
  const wanted = (env.LIVRET_LANG ?? '').trim().toLowerCase().slice(0, 2);
  return wanted === 'en' ? 'en' : 'fr';
}

const instance: i18n = i18next.createInstance();
void instance.init({
  lng: languageFromEnvironment(),
  fallbackLng: 'fr',
  resources: { fr: { translation: fr }, en: { translation: en } },
  initAsync: false,
  keySeparator: false,
  nsSeparator: false,
  // Messages go to a terminal, never into HTML.
  interpolation: { escapeValue: false },
});

/** The message `key` in the current language, with `{{name}}` placeholders filled (`count` chooses the plural). */
export function t(key: MessageKey, values: Record<string, string | number> = {}): string {
  return instance.t(key, values);
}

export function currentLanguage(): Language {
  return instance.language === 'en' ? 'en' : 'fr';
}

/** Tests and the library API may switch language; the CLI reads LIVRET_LANG once. */
export function setLanguage(language: Language): void {
  void instance.changeLanguage(language);
}
