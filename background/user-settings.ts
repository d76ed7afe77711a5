/** The user's own settings as stored: only the known keys with values of the right type are kept. */
import type { UserSettings } from '../lib/messaging/protocol';

export function sanitiseUser(value: unknown): UserSettings {
  if (typeof value !== 'object' || value === null) return {};
  const raw = value as Record<string, unknown>;
  const user: UserSettings = {};
  if (typeof raw.registryUrl === 'string') user.registryUrl = raw.registryUrl;
  if (typeof raw.detectUnregistered === 'boolean') user.detectUnregistered = raw.detectUnregistered;
  if (raw.language === 'auto' || raw.language === 'kk' || raw.language === 'ru' || raw.language === 'en') {
    user.language = raw.language;
  }
  return user;
}
