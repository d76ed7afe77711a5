/**
 * The settings in force: the organisation's managed policy over the user's
 * own settings over the build's defaults. Re-read when either changes; a
 * policy can arrive late, and Firefox rejects the read when none is set.
 */
import type { UserSettings } from '../lib/messaging/protocol';
import { DEFAULT_SETTINGS, mergeSettings, parseManagedPolicy } from '../lib/policy/read-policy';
import type { EffectiveSettings, PolicyProblem } from '../lib/policy/types';
import { settleWithin } from './settle-within';
import { BUILD_CONFIG } from './build-config';

export interface SettingsSnapshot {
  user: UserSettings;
  effective: EffectiveSettings;
  problems: PolicyProblem[];
}

const USER_SETTINGS_KEY = 'settings';
const POLICY_CACHE_KEY = 'managedPolicyCache';
/**
 * Chromium answers `storage.managed` only once its policy service is up,
 * seconds after the browser starts. A verdict never waits that long: after
 * this, the last policy seen is used until the live one arrives.
 */
export const MANAGED_POLICY_WAIT_MS = 100;

export class SettingsSource {
  private current: Promise<SettingsSnapshot> | null = null;
  private live: Promise<unknown> | null = null;
  private liveValue: { value: unknown } | null = null;
  private servedFromCache = false;

  /** `before` is null when this worker had not read the settings yet: treat it as a change. */
  constructor(
    private readonly onChange: (before: SettingsSnapshot | null, after: SettingsSnapshot) => void,
  ) {}

  /** Subscribes to storage changes; call on the worker's first tick. */
  listen(): void {
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'managed') {
        this.live = null;
        this.liveValue = null;
        void this.reload();
      } else if (area === 'local' && USER_SETTINGS_KEY in changes) {
        void this.reload();
      }
    });
  }

  get(): Promise<SettingsSnapshot> {
    this.current ??= this.read();
    return this.current;
  }

  async setUser(settings: UserSettings): Promise<void> {
    const { user } = await this.get();
    await browser.storage.local.set({ [USER_SETTINGS_KEY]: { ...user, ...settings } });
    await this.reload();
  }

  async reload(): Promise<SettingsSnapshot> {
    const previous = this.current;
    this.current = this.read();
    const [before, after] = await Promise.all([previous?.catch(() => null) ?? null, this.current]);
    this.onChange(before, after);
    return after;
  }

  private async read(): Promise<SettingsSnapshot> {
    const stored = await browser.storage.local
      .get([USER_SETTINGS_KEY, POLICY_CACHE_KEY])
      .catch(() => ({}) as Record<string, unknown>);
    const raw = this.liveValue ? this.liveValue.value : await this.managedOrCached(stored[POLICY_CACHE_KEY]);
    const { policy, problems } = parseManagedPolicy(raw);
    for (const problem of problems) console.warn(`Qorgan: policy ${problem.key} ignored: ${problem.reason}`);
    const user = sanitiseUser(stored[USER_SETTINGS_KEY]);
    const defaults = {
      ...DEFAULT_SETTINGS,
      registryUrl: BUILD_CONFIG.registryUrl ?? DEFAULT_SETTINGS.registryUrl,
    };
    return { user, effective: mergeSettings({ policy, user, defaults }), problems };
  }

  private async managedOrCached(cached: unknown): Promise<unknown> {
    const pending = Symbol('pending');
    const first = await settleWithin(this.readLive(), MANAGED_POLICY_WAIT_MS, pending);
    if (first !== pending) return first;
    this.servedFromCache = true;
    return cached ?? undefined;
  }

  private readLive(): Promise<unknown> {
    this.live ??= readManaged().then((value) => {
      this.liveValue = { value };
      void browser.storage.local.set({ [POLICY_CACHE_KEY]: value ?? null }).catch(() => undefined);
      if (this.servedFromCache) {
        this.servedFromCache = false;
        void this.reload();
      }
      return value;
    });
    return this.live;
  }
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
