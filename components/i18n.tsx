/** The UI language for a tree of components: translator and formatters in one context. */
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useMemo } from 'preact/hooks';
import { CATALOGS, type MessageKey } from '../lib/i18n/catalogs';
import { createFormatters, type Formatters } from '../lib/i18n/format';
import type { Language } from '../lib/i18n/language';
import { createTranslator, type Translator } from '../lib/i18n/translate';

export interface I18n extends Translator<MessageKey> {
  format: Formatters;
}

export function createI18nValue(language: Language, timeZone?: string): I18n {
  const translator = createTranslator(CATALOGS, language);
  return { ...translator, format: createFormatters(language, timeZone) };
}

/** Null outside a provider; `useI18n` then answers in English, made on first use and not at load. */
const I18nContext = createContext<I18n | null>(null);
let english: I18n | undefined;

/** Provides `language`, or `value` when the caller already made one (its formatters are then shared). */
export function I18nProvider({
  language,
  value,
  children,
}: {
  language: Language;
  value?: I18n;
  children: ComponentChildren;
}) {
  const provided = useMemo(() => value ?? createI18nValue(language), [language, value]);
  return <I18nContext.Provider value={provided}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext) ?? (english ??= createI18nValue('en'));
}
