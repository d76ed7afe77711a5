/**
 * The locale files the build also turns into the browser's `_locales`, as catalogs for the
 * translator. Each is bundled as its JSON text and parsed on first use: the content script loads
 * on every page, most pages never show a word of it, and an object literal of a few hundred
 * strings costs a millisecond to evaluate where a string costs nothing.
 */
import type en from '../../locales/en.json';
import enText from '../../locales/en.json?raw';
import kkText from '../../locales/kk.json?raw';
import ruText from '../../locales/ru.json?raw';
import type { Language } from './language';
import type { Catalogs } from './translate';

export type MessageKey = keyof typeof en;

type Catalog = Readonly<Record<MessageKey, string>>;

const TEXTS: Readonly<Record<Language, string>> = { en: enText, kk: kkText, ru: ruText };
const parsed: Partial<Record<Language, Catalog>> = {};

function catalog(language: Language): Catalog {
  return (parsed[language] ??= JSON.parse(TEXTS[language]) as Catalog);
}

export const CATALOGS: Catalogs<MessageKey> = {
  get en() {
    return catalog('en');
  },
  get kk() {
    return catalog('kk');
  },
  get ru() {
    return catalog('ru');
  },
};
