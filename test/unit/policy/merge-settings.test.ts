import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../lib/policy/default-settings';
import { mergeSettings } from '../../../lib/policy/merge-settings';
import { MIN_SYNC_INTERVAL_MINUTES } from '../../../lib/policy/policy-keys';
import { parseManagedPolicy } from '../../../lib/policy/read-policy';

const KEY = btoa(String.fromCharCode(...new Uint8Array(32).fill(1)));

describe('DEFAULT_SETTINGS', () => {
  it('holds the defaults that docs/enterprise.md lists', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      registryUrl: null,
      trustedKeys: [],
      extraBlocked: [],
      extraAllowed: [],
      allowBypass: true,
      blockMode: 'warn',
      detectUnregistered: true,
      syncIntervalMinutes: 360,
    });
    expect(DEFAULT_SETTINGS.syncIntervalMinutes).toBeGreaterThanOrEqual(MIN_SYNC_INTERVAL_MINUTES);
    expect(Object.isFrozen(DEFAULT_SETTINGS)).toBe(true);
  });
});

describe('mergeSettings', () => {
  it('gives the defaults when neither policy nor user says anything', () => {
    expect(mergeSettings({ policy: {}, user: {}, defaults: DEFAULT_SETTINGS })).toEqual({
      ...DEFAULT_SETTINGS,
      managed: [],
    });
  });

  it('lets the user override a default', () => {
    const effective = mergeSettings({
      policy: {},
      user: { registryUrl: 'https://mirror.example/r.json', detectUnregistered: false, language: 'kk' },
      defaults: DEFAULT_SETTINGS,
    });
    expect(effective.registryUrl).toBe('https://mirror.example/r.json');
    expect(effective.detectUnregistered).toBe(false);
    expect(effective.managed).toEqual([]);
  });

  it('lets the policy override the user, and lists the keys it set', () => {
    const effective = mergeSettings({
      policy: { registryUrl: 'https://corp.example/r.json', detectUnregistered: true, blockMode: 'block' },
      user: { registryUrl: 'https://mirror.example/r.json', detectUnregistered: false },
      defaults: DEFAULT_SETTINGS,
    });
    expect(effective.registryUrl).toBe('https://corp.example/r.json');
    expect(effective.detectUnregistered).toBe(true);
    expect(effective.blockMode).toBe('block');
    expect(effective.allowBypass).toBe(true);
    expect(effective.managed).toEqual(['registryUrl', 'blockMode', 'detectUnregistered']);
  });

  it('applies a policy value that equals the default, and still marks it managed', () => {
    const effective = mergeSettings({ policy: { allowBypass: true }, user: {}, defaults: DEFAULT_SETTINGS });
    expect(effective.allowBypass).toBe(true);
    expect(effective.managed).toEqual(['allowBypass']);
  });

  it('lists every key in the contract order when the policy sets them all', () => {
    const { policy } = parseManagedPolicy({
      syncIntervalMinutes: 30,
      detectUnregistered: false,
      blockMode: 'block',
      allowBypass: false,
      extraAllowed: ['ok.example'],
      extraBlocked: ['bad.example'],
      trustedKeys: [KEY],
      registryUrl: 'https://corp.example/r.json',
    });
    expect(mergeSettings({ policy, user: {}, defaults: DEFAULT_SETTINGS })).toEqual({
      registryUrl: 'https://corp.example/r.json',
      trustedKeys: [KEY],
      extraBlocked: ['bad.example'],
      extraAllowed: ['ok.example'],
      allowBypass: false,
      blockMode: 'block',
      detectUnregistered: false,
      syncIntervalMinutes: 30,
      managed: [
        'registryUrl',
        'trustedKeys',
        'extraBlocked',
        'extraAllowed',
        'allowBypass',
        'blockMode',
        'detectUnregistered',
        'syncIntervalMinutes',
      ],
    });
  });

  it('passes over a user registry URL that breaks the rules', () => {
    for (const registryUrl of ['http://mirror.example/r.json', 'not a url', '']) {
      const effective = mergeSettings({ policy: {}, user: { registryUrl }, defaults: DEFAULT_SETTINGS });
      expect(effective.registryUrl).toBeNull();
    }
  });

  it('uses the defaults it is given (the build default registry URL)', () => {
    const defaults = { ...DEFAULT_SETTINGS, registryUrl: 'https://qorgan.example/registry.json' };
    expect(mergeSettings({ policy: {}, user: {}, defaults }).registryUrl).toBe(
      'https://qorgan.example/registry.json',
    );
  });

  it('returns lists that the caller may change without touching the inputs', () => {
    const policy = { extraBlocked: ['bad.example'] };
    const effective = mergeSettings({ policy, user: {}, defaults: DEFAULT_SETTINGS });
    effective.extraBlocked.push('other.example');
    effective.trustedKeys.push('x');
    expect(policy.extraBlocked).toEqual(['bad.example']);
    expect(DEFAULT_SETTINGS.trustedKeys).toEqual([]);
  });
});
