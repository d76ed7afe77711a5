/** The languages the UI speaks, and how the one in use is chosen. */
export const LANGUAGES = ['kk', 'ru', 'en'] as const;

export type Language = (typeof LANGUAGES)[number];

/** The setting: a language, or `auto` for the browser's UI language. */
export type LanguageSetting = 'auto' | Language;

/**
 * The user's setting if it names a language; else the browser's UI language
 * when it is Kazakh, Russian or English (any region); else English.
 */
export function resolveLanguage(
  setting: LanguageSetting | undefined,
  browserLanguage: string | undefined,
): Language {
  if (setting !== undefined && setting !== 'auto' && isLanguage(setting)) return setting;
  const primary = (browserLanguage ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return isLanguage(primary) ? primary : 'en';
}

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/** BCP 47 tags used for dates and numbers in each language. */
export const INTL_LOCALES: Readonly<Record<Language, string>> = {
  kk: 'kk-KZ',
  ru: 'ru-RU',
  en: 'en-GB',
};
