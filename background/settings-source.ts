/**
 * The settings in force: the organisation's managed policy over the user's
 * own settings over the build's defaults. Re-read when either changes.
 */
import { browser } from 'wxt/browser';
import type { UserSettings } from '../lib/messaging/protocol';
import { DEFAULT_SETTINGS, mergeSettings, parseManagedPolicy } from '../lib/policy/read-policy';
import type { EffectiveSettings, PolicyProblem } from '../lib/policy/types';
import { BUILD_CONFIG } from './build-config';
import { ManagedPolicy, POLICY_CACHE_KEY } from './managed-policy';
import { sanitiseUser } from './user-settings';

export interface SettingsSnapshot {
  user: UserSettings;
  effective: EffectiveSettings;
  problems: PolicyProblem[];
}

const USER_SETTINGS_KEY = 'settings';
/**
 * Chromium answers `storage.managed` only seconds after the browser starts, and a worker woken
 * later sometimes gets no answer for longer than this too. A verdict never waits for it when a
 * policy was seen before: that one is used until the browser answers. Only a worker that has never
 * seen an answer (the first start after installation) waits, and at most this long.
 */
export const MANAGED_POLICY_WAIT_MS = 100;

export class SettingsSource {
  private current: Promise<SettingsSnapshot> | null = null;
  /** The policy the current snapshot was built from, to tell whether an answer changes it. */
  private policyInUse: string | undefined;
  private readonly managed = new ManagedPolicy((value) => {
    if (this.current !== null && JSON.stringify(value ?? null) !== this.policyInUse) void this.reload();
  });

  /** `before` is null when this worker had not read the settings yet: treat it as a change. */
  constructor(
    private readonly onChange: (before: SettingsSnapshot | null, after: SettingsSnapshot) => void,
  ) {}

  /** Subscribes to storage changes and starts reading the policy; call on the worker's first tick. */
  listen(): void {
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'managed') this.managed.refresh();
      else if (area === 'local' && USER_SETTINGS_KEY in changes) void this.reload();
    });
    this.managed.start();
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
    this.managed.start();
    const stored = await browser.storage.local
      .get([USER_SETTINGS_KEY, POLICY_CACHE_KEY])
      .catch(() => ({}) as Record<string, unknown>);
    const cached = POLICY_CACHE_KEY in stored ? { value: stored[POLICY_CACHE_KEY] } : null;
    const answer =
      this.managed.latest() ?? cached ?? (await this.managed.answerWithin(MANAGED_POLICY_WAIT_MS));
    const raw: unknown = answer?.value;
    this.policyInUse = JSON.stringify(raw ?? null);
    const { policy, problems } = parseManagedPolicy(raw);
    for (const problem of problems) console.warn(`Qorgan: policy ${problem.key} ignored: ${problem.reason}`);
    const user = sanitiseUser(stored[USER_SETTINGS_KEY]);
    const defaults = {
      ...DEFAULT_SETTINGS,
      registryUrl: BUILD_CONFIG.registryUrl ?? DEFAULT_SETTINGS.registryUrl,
    };
    return { user, effective: mergeSettings({ policy, user, defaults }), problems };
  }
}
