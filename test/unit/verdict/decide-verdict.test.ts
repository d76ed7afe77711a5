import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../lib/match/build-index';
import type { RegistryEntry } from '../../../lib/registry/types';
import { decideVerdict, type VerdictDeps } from '../../../lib/verdict/decide-verdict';
import { buildPolicyIndex } from '../../../lib/verdict/policy-index';

const entries: RegistryEntry[] = [
  { target: 'bybit.kz', status: 'licensed', name: 'Bybit Kazakhstan', brand: 'bybit' },
  { target: 'bybit.com', status: 'warning', alternative: 'bybit.kz' },
  { target: 't.me/obmen_kzt_bot', status: 'blocked' },
  { target: 'binance.com', status: 'warning' },
  { target: 'binance.com/en-kz', status: 'licensed' },
  { target: 'xn--90aifd0az.kz', status: 'blocked' },
];
const registry = buildIndex(entries);
const withDetails: VerdictDeps = { registry, entryAt: (ordinal) => entries[ordinal] };
const bybitBrand = { brand: 'bybit', imitates: 'bybit.kz', entry: entries[0]! };

describe('decideVerdict: registry', () => {
  it.each([
    ['https://bybit.kz/', 'licensed', 'bybit.kz'],
    ['https://WWW.BYBIT.KZ./ru', 'licensed', 'www.bybit.kz'],
    ['bybit.com', 'warning', 'bybit.com'],
    ['https://user:pw@bybit.com:8443/x', 'warning', 'bybit.com'],
    ['https://t.me/obmen_kzt_bot', 'blocked', 't.me'],
    ['https://t.me/OBMEN_KZT_BOT/start', 'blocked', 't.me'],
    ['https://t.me/obmen_kzt_bot2', 'unknown', 't.me'],
    ['https://www.binance.com/EN-KZ/trade', 'licensed', 'www.binance.com'],
    ['https://www.binance.com/en-kzx', 'warning', 'www.binance.com'],
    ['https://бизнес.kz/', 'blocked', 'xn--90aifd0az.kz'],
    ['https://shop.xn--90aifd0az.kz/', 'blocked', 'shop.xn--90aifd0az.kz'],
    ['https://unlisted.kz/', 'unknown', 'unlisted.kz'],
  ])('%s → %s', (url, verdict, host) => {
    const result = decideVerdict(url, withDetails);
    expect(result.verdict).toBe(verdict);
    expect(result.host).toBe(host);
  });

  it('gives the full entry as the reason when details are loaded', () => {
    expect(decideVerdict('https://app.bybit.com/', withDetails).reason).toEqual({
      kind: 'registry',
      entry: entries[1],
    });
  });

  it('gives a minimal entry when details are not loaded', () => {
    expect(decideVerdict('https://www.binance.com/en-kz/', { registry }).reason).toEqual({
      kind: 'registry',
      entry: { target: 'binance.com/en-kz', status: 'licensed' },
    });
    expect(decideVerdict('https://bybit.kz/', { registry, entryAt: () => undefined }).reason).toEqual({
      kind: 'registry',
      entry: { target: 'bybit.kz', status: 'licensed' },
    });
  });

  it('ignores details that belong to another registry version', () => {
    const stale = decideVerdict('https://bybit.kz/', { registry, entryAt: () => entries[3] });
    expect(stale.reason).toEqual({ kind: 'registry', entry: { target: 'bybit.kz', status: 'licensed' } });
  });

  it('answers unknown while no registry is loaded', () => {
    expect(decideVerdict('https://bybit.com/', { registry: null }).verdict).toBe('unknown');
  });
});

describe('decideVerdict: no verdict, no warning', () => {
  it.each([
    'chrome://newtab/',
    'about:blank',
    'file:///page.html',
    'javascript:void(0)',
    '',
    'http://',
    '%%%',
  ])('%j → unknown with no host', (url) => {
    expect(decideVerdict(url, withDetails)).toEqual({
      verdict: 'unknown',
      host: '',
      reason: { kind: 'none' },
    });
  });

  it.each([
    ['http://localhost:8080/', 'localhost'],
    ['http://127.0.0.1/', 'private-address'],
    ['http://192.168.0.10/', 'private-address'],
    ['http://[::1]:3000/', 'private-address'],
    ['http://8.8.8.8/', 'ip-address'],
    ['http://intranet/wiki', 'single-label'],
    ['http://nas.local/', 'private-name'],
  ])('%s is exempt (%s) even with every detector firing', (url, exemption) => {
    const result = decideVerdict(url, {
      ...withDetails,
      lookalike: () => ({ brand: bybitBrand, technique: 'homoglyph' }),
      unregisteredScore: 1,
    });
    expect(result).toMatchObject({ verdict: 'unknown', reason: { kind: 'none' }, exemption });
  });

  it('never lets a registry target reach an exempt host', () => {
    const odd = buildIndex([
      { target: 'local', status: 'blocked' },
      { target: '0.10', status: 'blocked' },
    ]);
    expect(decideVerdict('http://nas.local/', { registry: odd }).verdict).toBe('unknown');
    expect(decideVerdict('http://192.168.0.10/', { registry: odd }).verdict).toBe('unknown');
  });
});

describe('decideVerdict: priority', () => {
  const policy = buildPolicyIndex({
    extraAllowed: ['bybit.com', 'https://WWW.Binance.com/en-kz/', 'shared.kz'],
    extraBlocked: ['bybit.kz', 'evil.example', 'shared.kz', '192.168.0.66', 'intranet', 'build.local'],
  });
  const lookalike = (host: string) =>
    host === 'bybit-kz.com' ? { brand: bybitBrand, technique: 'brand in another domain' } : null;
  const deps: VerdictDeps = { ...withDetails, policy, lookalike };

  it('puts extraAllowed above everything', () => {
    expect(decideVerdict('https://app.bybit.com/', deps)).toEqual({
      verdict: 'unknown',
      host: 'app.bybit.com',
      reason: { kind: 'policy-allowed', target: 'bybit.com' },
    });
    expect(decideVerdict('https://shared.kz/', deps).reason).toEqual({
      kind: 'policy-allowed',
      target: 'shared.kz',
    });
  });

  it('applies extraAllowed with path semantics', () => {
    expect(decideVerdict('https://www.binance.com/en-kz/x', deps).reason.kind).toBe('policy-allowed');
    expect(decideVerdict('https://binance.com/en-kz', deps).verdict).toBe('licensed');
  });

  it('puts extraBlocked above the registry', () => {
    expect(decideVerdict('https://bybit.kz/', deps)).toEqual({
      verdict: 'blocked',
      host: 'bybit.kz',
      reason: { kind: 'policy-blocked', target: 'bybit.kz' },
    });
    expect(decideVerdict('https://a.evil.example/', deps).verdict).toBe('blocked');
  });

  it('lets extraBlocked name exempt hosts explicitly', () => {
    expect(decideVerdict('http://192.168.0.66/', deps)).toMatchObject({
      verdict: 'blocked',
      exemption: 'private-address',
    });
    expect(decideVerdict('http://192.168.0.67/', deps).verdict).toBe('unknown');
    expect(decideVerdict('http://intranet:8080/', deps).verdict).toBe('blocked');
    expect(decideVerdict('http://ci.build.local/', deps).verdict).toBe('blocked');
  });

  it('puts the registry above lookalike detection, and lookalike above unregistered', () => {
    const bothDetectors: VerdictDeps = {
      ...deps,
      lookalike: () => lookalike('bybit-kz.com'),
      unregisteredScore: 1,
    };
    expect(decideVerdict('https://binance.com/', bothDetectors).verdict).toBe('warning');
    expect(decideVerdict('https://bybit-kz.com/', { ...deps, unregisteredScore: 1 })).toEqual({
      verdict: 'lookalike',
      host: 'bybit-kz.com',
      reason: {
        kind: 'lookalike',
        brand: 'bybit',
        imitates: 'bybit.kz',
        entry: entries[0],
        technique: 'brand in another domain',
      },
    });
  });

  it('reports unregistered at or above the threshold only', () => {
    expect(
      decideVerdict('https://p2p-kzt.top/', { ...deps, unregisteredScore: 0.8, unregisteredThreshold: 0.5 }),
    ).toEqual({
      verdict: 'unregistered',
      host: 'p2p-kzt.top',
      reason: { kind: 'unregistered', score: 0.8 },
    });
    expect(
      decideVerdict('https://p2p-kzt.top/', { ...deps, unregisteredScore: 0.49, unregisteredThreshold: 0.5 })
        .verdict,
    ).toBe('unknown');
    expect(
      decideVerdict('https://p2p-kzt.top/', { ...deps, unregisteredScore: 0.7, unregisteredThreshold: 0.75 })
        .verdict,
    ).toBe('unknown');
  });
});

describe('decideVerdict: the standing of an imitated site', () => {
  const ended: RegistryEntry = {
    target: 'intebix.kz',
    status: 'licensed',
    brand: 'intebix',
    validUntil: '2026-09-01',
  };
  const brand = { brand: 'intebix', own: ['intebix.kz'], imitates: 'intebix.kz', entry: ended };
  const imitated = (today: string) =>
    decideVerdict('https://intebix-login.com/', {
      registry: buildIndex([]),
      lookalike: () => ({ brand, technique: 'brand-in-domain' }),
      today,
    }).reason;

  it('is the licence while it runs', () => {
    expect(imitated('2026-08-31')).toMatchObject({ kind: 'lookalike', entry: { status: 'licensed' } });
  });

  it('is an ended licence from its last day on, as the site itself is judged', () => {
    expect(imitated('2026-09-01')).toMatchObject({
      kind: 'lookalike',
      imitates: 'intebix.kz',
      entry: { target: 'intebix.kz', status: 'warning', reason: 'licence-expired', validUntil: '2026-09-01' },
    });
    expect(ended.status).toBe('licensed');
  });
});
