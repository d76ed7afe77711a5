/**
 * A small runtime translator over the flat locale catalogs. The extension's UI
 * language is the user's choice, which the browser's own i18n API cannot follow,
 * so pages and the banner translate with this instead.
 */
import { stripBidiControls } from '../text/strip-bidi';
import type { Language } from './language';

export type Catalog = Readonly<Record<string, string>>;
export type Catalogs<K extends string = string> = Readonly<Record<Language, Readonly<Record<K, string>>>>;

export type MessageParams = Readonly<Record<string, string | number>>;

export interface Translator<K extends string = string> {
  readonly language: Language;
  /** The message for `key` in the language, else in English, else the key itself. */
  t(key: K, params?: MessageParams): string;
  /** Like `t` for a key computed at run time; null when no catalog has it. */
  lookup(key: string, params?: MessageParams): string | null;
}

const PLACEHOLDER = /\{([a-zA-Z0-9_]+)\}/g;

/**
 * Replaces each `{name}` with its parameter; unknown names stay as written. A parameter (a
 * registry name, a host, a title) loses any bidi control, so it cannot reorder the message.
 */
export function substitute(message: string, params?: MessageParams): string {
  if (!params) return message;
  return message.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(params, name) ? stripBidiControls(String(params[name])) : whole,
  );
}

/** The placeholder names a message uses, in order of first appearance. */
export function placeholdersOf(message: string): string[] {
  const names: string[] = [];
  for (const match of message.matchAll(PLACEHOLDER)) {
    const name = match[1];
    if (name !== undefined && !names.includes(name)) names.push(name);
  }
  return names;
}

export function createTranslator<K extends string>(catalogs: Catalogs<K>, language: Language): Translator<K> {
  const primary: Catalog = catalogs[language];
  const fallback: Catalog = catalogs.en;
  const find = (key: string): string | undefined =>
    (Object.hasOwn(primary, key) ? primary[key] : undefined) ??
    (Object.hasOwn(fallback, key) ? fallback[key] : undefined);
  return {
    language,
    t: (key, params) => substitute(find(key) ?? key, params),
    lookup: (key, params) => {
      const message = find(key);
      return message === undefined ? null : substitute(message, params);
    },
  };
}
