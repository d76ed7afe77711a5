import type { UserSettings } from '../messaging/protocol';
import { POLICY_KEYS } from './policy-keys';
import { checkRegistryUrl } from './registry-url';
import type { DefaultSettings, EffectiveSettings, ManagedPolicy } from './types';

export interface SettingsLayers {
  /** A policy as returned by `parseManagedPolicy`: already checked. */
  policy: ManagedPolicy;
  user: UserSettings;
  defaults: Readonly<DefaultSettings>;
}

/**
 * Policy over user over defaults, key by key. A user's registry URL that
 * breaks the policy rules (say, stored by an older version) is passed over
 * rather than trusted.
 */
export function mergeSettings({ policy, user, defaults }: SettingsLayers): EffectiveSettings {
  const userRegistryUrl = user.registryUrl === undefined ? undefined : checkRegistryUrl(user.registryUrl);
  const userDetect = typeof user.detectUnregistered === 'boolean' ? user.detectUnregistered : undefined;
  return {
    registryUrl:
      policy.registryUrl ?? (userRegistryUrl?.ok === true ? userRegistryUrl.value : defaults.registryUrl),
    trustedKeys: [...(policy.trustedKeys ?? defaults.trustedKeys)],
    extraBlocked: [...(policy.extraBlocked ?? defaults.extraBlocked)],
    extraAllowed: [...(policy.extraAllowed ?? defaults.extraAllowed)],
    allowBypass: policy.allowBypass ?? defaults.allowBypass,
    blockMode: policy.blockMode ?? defaults.blockMode,
    detectUnregistered: policy.detectUnregistered ?? userDetect ?? defaults.detectUnregistered,
    syncIntervalMinutes: policy.syncIntervalMinutes ?? defaults.syncIntervalMinutes,
    managed: POLICY_KEYS.filter((key) => policy[key] !== undefined),
  };
}
