/** The locale files the build also turns into the browser's `_locales`, as catalogs for the translator. */
import en from '../../locales/en.json';
import kk from '../../locales/kk.json';
import ru from '../../locales/ru.json';
import type { Catalogs } from './translate';

export type MessageKey = keyof typeof en;

export const CATALOGS: Catalogs<MessageKey> = { en, kk, ru };
