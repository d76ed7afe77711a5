/** The language of an extension page, from the user's setting and the browser's UI language. */
import { browser } from 'wxt/browser';
import { resolveLanguage, type Language } from '../lib/i18n/language';
import type { MessagingClient } from './messaging';

export async function pageLanguage(client: MessagingClient): Promise<Language> {
  const browserLanguage = browser.i18n.getUILanguage();
  try {
    const { user } = await client.send('settings/get', {});
    return resolveLanguage(user.language, browserLanguage);
  } catch {
    return resolveLanguage(undefined, browserLanguage);
  }
}

/** Sets `<html lang>` and the window title, for screen readers and tabs. */
export function labelDocument(doc: Document, language: Language, title: string): void {
  doc.documentElement.lang = language;
  doc.title = title;
}
