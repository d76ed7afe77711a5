import { describe, expect, it } from 'vitest';
import { matchHost } from '../../../lib/match/most-specific-entry';
import { normaliseTarget } from '../../../lib/url/normalise-target';
import { buildPolicyIndex } from '../../../lib/verdict/policy-index';

describe('normaliseTarget', () => {
  it.each([
    ['bybit.kz', 'bybit.kz'],
    [' Bybit.KZ. ', 'bybit.kz'],
    ['https://www.binance.com/EN-KZ/', 'www.binance.com/en-kz'],
    ['binance.com/en-kz///', 'binance.com/en-kz'],
    ['http://user@bybit.kz:8080/', 'bybit.kz'],
    ['*.bybit.com', 'bybit.com'],
    ['бизнес.kz', 'xn--90aifd0az.kz'],
    ['https://bybit.kz/?ref=1#x', 'bybit.kz'],
    ['192.168.0.1', '192.168.0.1'],
    ['[::1]', '[::1]'],
    ['intranet', 'intranet'],
  ])('%j → %j', (input, expected) => {
    expect(normaliseTarget(input)).toBe(expected);
  });

  it.each(['', '   ', 'two words.kz', 'chrome://settings', 'mailto:a@b.kz', 'https://'])(
    '%j → null',
    (input) => {
      expect(normaliseTarget(input)).toBeNull();
    },
  );
});

describe('buildPolicyIndex', () => {
  it('indexes both lists and keeps the values it could not read', () => {
    const policy = buildPolicyIndex({ extraAllowed: ['a.kz', 'not a target'], extraBlocked: ['B.KZ/x'] });
    expect(matchHost(policy.allowed, 'www.a.kz', '/')?.target).toBe('a.kz');
    expect(matchHost(policy.blocked, 'b.kz', '/x/y')?.target).toBe('b.kz/x');
    expect(matchHost(policy.blocked, 'b.kz', '/')).toBeNull();
    expect(policy.ignored).toEqual(['not a target']);
  });

  it('accepts missing lists', () => {
    const policy = buildPolicyIndex({});
    expect(policy.allowed.keyCount).toBe(0);
    expect(policy.blocked.keyCount).toBe(0);
  });
});
