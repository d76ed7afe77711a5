import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../lib/policy/default-settings';
import { mergeSettings } from '../../../lib/policy/merge-settings';
import { policyChangeNeedsSync } from '../../../lib/policy/policy-change';

const KEY_A = btoa(String.fromCharCode(...new Uint8Array(32).fill(1)));
const KEY_B = btoa(String.fromCharCode(...new Uint8Array(32).fill(2)));

describe('policyChangeNeedsSync', () => {
  it('is true when the registry URL appears, changes or goes', () => {
    expect(policyChangeNeedsSync({}, { registryUrl: 'https://a.example/' })).toBe(true);
    expect(
      policyChangeNeedsSync({ registryUrl: 'https://a.example/' }, { registryUrl: 'https://b.example/' }),
    ).toBe(true);
    expect(policyChangeNeedsSync({ registryUrl: 'https://a.example/' }, {})).toBe(true);
  });

  it('is true when a trusted key is added, removed or replaced', () => {
    expect(policyChangeNeedsSync({}, { trustedKeys: [KEY_A] })).toBe(true);
    expect(policyChangeNeedsSync({ trustedKeys: [KEY_A, KEY_B] }, { trustedKeys: [KEY_A] })).toBe(true);
    expect(policyChangeNeedsSync({ trustedKeys: [KEY_A] }, { trustedKeys: [KEY_B] })).toBe(true);
    expect(policyChangeNeedsSync({ trustedKeys: [KEY_A, KEY_A] }, { trustedKeys: [KEY_A, KEY_B] })).toBe(
      true,
    );
  });

  it('is false when only other keys change', () => {
    expect(
      policyChangeNeedsSync(
        { registryUrl: 'https://a.example/', trustedKeys: [KEY_A] },
        { registryUrl: 'https://a.example/', trustedKeys: [KEY_A] },
      ),
    ).toBe(false);
    expect(policyChangeNeedsSync({}, {})).toBe(false);
  });

  it('ignores the order and repeats of keys, and equates absent with empty', () => {
    expect(
      policyChangeNeedsSync({ trustedKeys: [KEY_A, KEY_B] }, { trustedKeys: [KEY_B, KEY_A, KEY_A] }),
    ).toBe(false);
    expect(policyChangeNeedsSync({ trustedKeys: [] }, {})).toBe(false);
    expect(policyChangeNeedsSync({ registryUrl: null }, {})).toBe(false);
  });

  it('also compares effective settings', () => {
    const before = mergeSettings({ policy: {}, user: {}, defaults: DEFAULT_SETTINGS });
    const after = mergeSettings({ policy: { blockMode: 'block' }, user: {}, defaults: DEFAULT_SETTINGS });
    const moved = mergeSettings({
      policy: { registryUrl: 'https://corp.example/' },
      user: {},
      defaults: DEFAULT_SETTINGS,
    });
    expect(policyChangeNeedsSync(before, after)).toBe(false);
    expect(policyChangeNeedsSync(before, moved)).toBe(true);
  });
});
