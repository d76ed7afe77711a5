import { domainToASCII } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createLookalikeDetector, type ProtectedBrand } from '../../../lib/detect/lookalike';
import type { RegistryEntry } from '../../../lib/registry/types';

function brand(name: string, target: string): ProtectedBrand {
  const entry: RegistryEntry = { target, status: 'licensed', brand: name };
  return { brand: name, own: [target], imitates: target, entry };
}

const detect = createLookalikeDetector([
  brand('bybit', 'bybit.kz'),
  brand('whitebit', 'whitebit.kz'),
  brand('ataix', 'ataix.kz'),
]);

const technique = (host: string): string | null => detect(domainToASCII(host))?.technique ?? null;
const imitated = (host: string): string | null => detect(domainToASCII(host))?.brand.imitates ?? null;

describe('lookalike detector: homographs', () => {
  // Kazakh and Russian Cyrillic letters whose TR39 skeleton is a Latin letter.
  const letters: [cyrillic: string, latin: string, name: string][] = [
    ['а', 'a', 'Cyrillic a'],
    ['е', 'e', 'Cyrillic ie'],
    ['о', 'o', 'Cyrillic o'],
    ['р', 'p', 'Cyrillic er'],
    ['с', 'c', 'Cyrillic es'],
    ['у', 'y', 'Cyrillic u'],
    ['х', 'x', 'Cyrillic ha'],
    ['і', 'i', 'Kazakh/Ukrainian dotted i'],
    ['һ', 'h', 'Kazakh shha'],
    ['ү', 'y', 'Kazakh straight u'],
    ['ө', 'o', 'Kazakh barred o (skeleton o + overlay, overlay folded)'],
    ['ј', 'j', 'Cyrillic je'],
    ['ѕ', 's', 'Cyrillic dze'],
    ['ԁ', 'd', 'Cyrillic komi de'],
    ['ԛ', 'q', 'Cyrillic qa'],
    ['ԝ', 'w', 'Cyrillic we'],
  ];
  for (const [cyrillic, latin, name] of letters) {
    it(`catches ${name} (${cyrillic}) standing for ${latin}, as punycode`, () => {
      const target = `tal${latin}bar.kz`;
      const d = createLookalikeDetector([brand(`tal${latin}bar`, target)]);
      const host = domainToASCII(`tal${cyrillic}bar.kz`);
      expect(host.startsWith('xn--')).toBe(true);
      expect(d(host)).toMatchObject({ technique: 'homograph', brand: { imitates: target } });
    });
  }

  it('maps the Kazakh letters TR39 leaves alone (ә, қ, ң, ғ, ұ) through its own table', () => {
    for (const [kazakh, latin] of [
      ['ә', 'e'],
      ['қ', 'k'],
      ['ң', 'h'],
      ['ғ', 'r'],
      ['ұ', 'y'],
    ] as const) {
      const d = createLookalikeDetector([brand(`ab${latin}${latin}cd`, `ab${latin}${latin}cd.kz`)]);
      // Two substituted letters: only a skeleton that maps both letters finds the brand.
      expect(d(domainToASCII(`ab${kazakh}${kazakh}cd.com`))?.technique).toBe('homograph');
    }
  });

  it('decodes punycode input and catches mixed scripts', () => {
    expect(technique('bуbit.kz')).toBe('homograph');
    expect(technique('xn--bbit-5ve.kz')).toBe('homograph'); // bӭbit: one foreign glyph off
    expect(technique('bybiт.kz')).toBe('homograph'); // one Cyrillic glyph off the brand
    expect(technique('whіtebіt.com')).toBe('homograph');
    expect(technique('аtаіх.kz')).toBe('homograph'); // whole-script Cyrillic
    expect(technique('bybít.kz')).toBe('homograph'); // Latin with a diacritic
  });

  it('catches homographs inside another domain', () => {
    expect(imitated('bybіt-kz.com')).toBe('bybit.kz');
    expect(imitated('bуbit.kz.secure-login.com')).toBe('bybit.kz');
  });
});

describe('lookalike detector: typos and brand in domain', () => {
  it.each([
    'bybti.com',
    'bybitt.kz',
    'bbybit.com',
    'bybt.kz',
    'byb1t.kz',
    'byblt.com',
    'vvhitebit.com',
    'whitebiit.com',
    'wh1tebit.io',
    'by-bit.com',
    'attaix.com',
  ])('%s is a typo', (host) => {
    expect(technique(host)).toBe('typo');
  });

  it('treats rn as m through the skeleton', () => {
    const d = createLookalikeDetector([brand('metabank', 'metabank.kz')]);
    expect(d('rnetabank.com')?.technique).toBe('typo');
  });

  it.each([
    'bybit-kz.com',
    'bybit.kz.secure-login.com',
    'login-bybit.net',
    'bybit-kz-login.xyz',
    'bybitkz.app',
    'mywhitebit.app',
    'bybit24.com',
    'bybit-kz.github.io',
  ])('%s has the brand in the domain', (host) => {
    expect(technique(host)).toBe('brand-in-domain');
  });

  it('reports the exact brand under another suffix as other-suffix', () => {
    expect(technique('bybit.com')).toBe('other-suffix');
    expect(technique('ataix.net')).toBe('other-suffix');
  });
});

describe('lookalike detector: what it must never flag', () => {
  it.each([
    'bybit.kz',
    'www.bybit.kz',
    'api.bybit.kz',
    'p2p.bybit.kz',
    'bybit.kz.',
    'whitebit.kz',
    'ataix.kz',
    'app.ataix.kz',
  ])('licensed target or subdomain %s', (host) => {
    expect(detect(host)).toBeNull();
  });

  it('does not make MetaMask’s navis.io / oasis.app mistake on short labels', () => {
    const d = createLookalikeDetector([brand('oasis', 'oasis.app')]);
    expect(d('navis.io')).toBeNull();
    expect(d('basis.com')).toBeNull(); // one substitution, but not a plausible slip
    expect(d('oasi.app')).toBeNull(); // last letter dropped from a short name
    expect(d('oasiss.app')?.technique).toBe('typo');
  });

  it.each([
    'bit.ly',
    'bitbucket.org',
    'kaspi.kz',
    'habit.com',
    'orbit.com',
    'whitebox.com',
    'whitebitcoin-news.com',
    'bybitcoin.com',
    'babybitcoin.icu',
    'white-bit-design.com',
    'atai.kz',
    'atari.com',
    '127.0.0.1',
    'localhost',
    'xn--80ajbgdpj.xn--80ao21a',
  ])('innocent near-miss %s', (host) => {
    expect(detect(host)).toBeNull();
  });

  it('protects a short brand only as a word of its own', () => {
    const d = createLookalikeDetector([
      brand('okx', 'okx.com'),
      brand('htx', 'htx.com'),
      brand('mexc', 'mexc.com'),
    ]);
    for (const host of [
      'login-okx.com',
      'claim-htx.com',
      'okx.sahara-ai.digital',
      'okxwallet.site',
      'web3okx.run',
    ]) {
      expect(d(host)?.technique, host).toBe('brand-in-domain');
    }
    expect(d('okx.bond')?.technique).toBe('other-suffix');
    for (const host of [
      'bookx.com',
      'mexcian.net',
      'htxml.org',
      'grokxbsc.info',
      'steamexchange.xyz',
      'mec.es',
      'simontokx.online',
    ]) {
      expect(d(host), host).toBeNull();
    }
  });
});

describe('lookalike detector: shapes from real phishing lists', () => {
  const ten = createLookalikeDetector(
    ['binance', 'bybit', 'bitget', 'kucoin', 'okx', 'htx'].map((b) => brand(b, `${b}.com`)),
  );
  it.each([
    ['bybitarcade.com', 'bybit'],
    ['auditbybit.pro', 'bybit'],
    ['amlcheckbybit.online', 'bybit'],
    ['bitgetno1.com', 'bitget'],
    ['binancebnbairdrop.pages.dev', 'binance'],
    ['htxglobal.web.app', 'htx'],
    ['tronkucoin.blogspot.com', 'kucoin'],
    ['corp-okx.com', 'okx'],
  ])('%s imitates %s', (host, name) => {
    expect(ten(host)?.brand.brand).toBe(name);
  });

  it('does not read finance as a slip of binance', () => {
    expect(ten('finance.yahoo.com')).toBeNull();
    expect(ten('coinbase-invest.finance.blog')).toBeNull();
  });
});
