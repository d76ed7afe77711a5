/**
 * The settings in force: the organisation's managed policy over the user's
 * own settings over the build's defaults. Re-read when either changes; a
 * policy can arrive late, and Firefox rejects the read when none is set.
 */
import type { UserSettings } from '../lib/messaging/protocol';
import { DEFAULT_SETTINGS, mergeSettings, parseManagedPolicy } from '../lib/policy/read-policy';
import type { EffectiveSettings, PolicyProblem } from '../lib/policy/types';
import { BUILD_CONFIG } from './build-config';

export interface SettingsSnapshot {
  user: UserSettings;
  effective: EffectiveSettings;
  problems: PolicyProblem[];
}

const USER_SETTINGS_KEY = 'settings';

export class SettingsSource {
  private current: Promise<SettingsSnapshot> | null = null;

  /** `before` is null when this worker had not read the settings yet: treat it as a change. */
  constructor(
    private readonly onChange: (before: SettingsSnapshot | null, after: SettingsSnapshot) => void,
  ) {}

  /** Subscribes to storage changes; call on the worker's first tick. */
  listen(): void {
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'managed' || (area === 'local' && USER_SETTINGS_KEY in changes)) void this.reload();
    });
  }

  get(): Promise<SettingsSnapshot> {
    this.current ??= read();
    return this.current;
  }

  async setUser(settings: UserSettings): Promise<void> {
    const { user } = await this.get();
    await browser.storage.local.set({ [USER_SETTINGS_KEY]: { ...user, ...settings } });
    await this.reload();
  }

  async reload(): Promise<SettingsSnapshot> {
    const previous = this.current;
    this.current = read();
    const [before, after] = await Promise.all([previous?.catch(() => null) ?? null, this.current]);
    this.onChange(before, after);
    return after;
  }
}

async function read(): Promise<SettingsSnapshot> {
  const [raw, stored] = await Promise.all([
    readManaged(),
    browser.storage.local.get(USER_SETTINGS_KEY).catch(() => ({}) as Record<string, unknown>),
  ]);
  const { policy, problems } = parseManagedPolicy(raw);
  for (const problem of problems) console.warn(`Qorgan: policy ${problem.key} ignored: ${problem.reason}`);
  const user = sanitiseUser(stored[USER_SETTINGS_KEY]);
  const defaults = {
    ...DEFAULT_SETTINGS,
    registryUrl: BUILD_CONFIG.registryUrl ?? DEFAULT_SETTINGS.registryUrl,
  };
  return { user, effective: mergeSettings({ policy, user, defaults }), problems };
}

async function readManaged(): Promise<unknown> {
  try {
    return await browser.storage.managed.get();
  } catch {
    // Firefox rejects when no policy is set; Chrome without a schema likewise.
    return undefined;
  }
}

function sanitiseUser(value: unknown): UserSettings {
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
