/** The UI language for a tree of components: translator and formatters in one context. */
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useMemo } from 'preact/hooks';
import { CATALOGS, type MessageKey } from '@/lib/i18n/catalogs';
import { createFormatters, type Formatters } from '@/lib/i18n/format';
import type { Language } from '@/lib/i18n/language';
import { createTranslator, type Translator } from '@/lib/i18n/translate';

export interface I18n extends Translator<MessageKey> {
  format: Formatters;
}

export function createI18nValue(language: Language, timeZone?: string): I18n {
  const translator = createTranslator(CATALOGS, language);
  return { ...translator, format: createFormatters(language, timeZone) };
}

const I18nContext = createContext<I18n>(createI18nValue('en'));

export function I18nProvider({ language, children }: { language: Language; children: ComponentChildren }) {
  const value = useMemo(() => createI18nValue(language), [language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
