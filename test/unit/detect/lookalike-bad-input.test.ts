import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLookalikeDetector, type ProtectedBrand } from '../../../lib/detect/lookalike';

function brand(name: string, ...own: string[]): ProtectedBrand {
  return { brand: name, own, imitates: own[0] ?? name, entry: null };
}

const brands = [
  brand('bybit', 'bybit.kz', 'bybit.com'),
  brand('okx', 'okx.com'),
  brand('binance', 'binance.com'),
];
const detect = createLookalikeDetector(brands);

describe('lookalike detector: bad input', () => {
  it('judges a host of 253 characters made of 63-character labels', () => {
    const label = 'a'.repeat(63);
    const host = `${label}.${label}.${label}.bybit-${'b'.repeat(52)}.kz`;
    expect(host.length).toBe(253);
    expect(detect(host)?.brand.brand).toBe('bybit');
    expect(detect(`${label}.${label}.${label}.${'c'.repeat(58)}.kz`)).toBeNull();
  });

  it('gives up on a host longer than DNS allows', () => {
    expect(detect(`${'a'.repeat(250)}.bybit-login.com`)).toBeNull();
  });

  it('keeps punycode that does not decode as typed', () => {
    for (const host of ['xn--.com', 'xn--zz-.com', 'xn--bybit-login-zzzzzzzz.com', 'xn--99999999999.kz']) {
      expect(() => detect(host)).not.toThrow();
    }
    expect(detect('xn--bybit-login-zzzzzzzz.com')?.brand.brand).toBe('bybit');
  });

  it('survives a label of forty hyphens and other junk', () => {
    for (const host of [
      `${'-'.repeat(40)}.com`,
      `a${'-'.repeat(40)}b.kz`,
      '...',
      '.',
      ' ',
      '',
      'bybit',
      '1.2.3.4',
    ]) {
      expect(detect(host), JSON.stringify(host)).toBeNull();
    }
    expect(detect(`okx${'-'.repeat(40)}login.com`)?.brand.brand).toBe('okx');
  });

  it('answers with 10,000 protected brands', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => brand(`brand${i.toString(36)}x`, `brand${i}.kz`));
    const d = createLookalikeDetector([...many, ...brands]);
    expect(d('login-okx.com')?.brand.brand).toBe('okx');
    const last = `brand${(9999).toString(36)}x`;
    expect(d(`${last}-airdrop.com`)?.brand.brand).toBe(last);
    expect(d('example.org')).toBeNull();
  });
});

describe('lookalike detector: own sites (property)', () => {
  const labelChars = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-'.split(''));
  const label = fc
    .array(labelChars, { minLength: 1, maxLength: 20 })
    .map((chars) => chars.join(''))
    .filter((l) => !l.startsWith('-') && !l.endsWith('-'));
  const brandWord = fc
    .array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'.split('')), { minLength: 3, maxLength: 12 })
    .map((chars) => chars.join(''));

  it('never flags a brand’s own sites or their subdomains', () => {
    fc.assert(
      fc.property(
        brandWord,
        fc.constantFrom('kz', 'com', 'io', 'com.kz', 'pages.dev'),
        fc.array(label, { maxLength: 4 }),
        fc.array(brandWord, { maxLength: 5 }),
        (word, suffix, subdomains, others) => {
          const own = `${word}.${suffix}`;
          const d = createLookalikeDetector([
            brand(word, own),
            ...others.map((o) => brand(o, `${o}-site.kz`)),
          ]);
          const host = [...subdomains, own].join('.');
          expect(d(host)).toBeNull();
          expect(d(`${host}.`)).toBeNull();
          expect(d(host.toUpperCase())).toBeNull();
        },
      ),
      { numRuns: 300 },
    );
  });
});
