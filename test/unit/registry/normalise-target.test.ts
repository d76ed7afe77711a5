import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCanonicalTarget, normaliseTarget } from '../../../lib/registry/normalise-target';

// A label starting with `xn--` is punycode, which random letters rarely are (`xn--a` does not decode).
const label = fc
  .stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?$/)
  .filter((l) => !l.startsWith('xn--'));
const host = fc
  .tuple(
    fc.array(label, { minLength: 1, maxLength: 3 }),
    fc.constantFrom('kz', 'com', 'me', 'org', 'xn--p1ai'),
  )
  .map(([labels, tld]) => [...labels, tld].join('.'))
  .filter((h) => !/^\d+$/.test(h.split('.').at(-1) ?? ''));
const segment = fc.stringMatching(/^[A-Za-z0-9._~-]{1,12}$/).filter((s) => s !== '.' && s !== '..');
const path = fc.array(segment, { maxLength: 3 }).map((segments) => segments.map((s) => `/${s}`).join(''));

describe('normaliseTarget', () => {
  it.each([
    ['bybit.kz', 'bybit.kz'],
    ['Bybit.KZ', 'bybit.kz'],
    ['bybit.kz.', 'bybit.kz'],
    ['WWW.Bybit.kz', 'www.bybit.kz'],
    ['t.me/Obmen_KZT_bot/', 't.me/obmen_kzt_bot'],
    ['binance.com/en-KZ', 'binance.com/en-kz'],
    ['бибит.kz', 'xn--90aaub4c.kz'],
    ['пример.рф', 'xn--e1afmkfd.xn--p1ai'],
    ['BÜCHER.de', 'xn--bcher-kva.de'],
    ['t.me/каналы', 't.me/%d0%ba%d0%b0%d0%bd%d0%b0%d0%bb%d1%8b'],
    ['127.1', '127.0.0.1'],
  ])('%s -> %s', (input, expected) => {
    expect(normaliseTarget(input)).toEqual({ ok: true, target: expected });
  });

  it.each([
    ['', 'empty'],
    ['https://bybit.kz', 'scheme'],
    ['//bybit.kz', 'scheme'],
    ['http:bybit.kz', 'scheme'],
    ['bybit.kz:443', 'port'],
    ['bybit.kz:', 'port'],
    ['user:pw@bybit.kz', 'credentials'],
    ['by bit.kz', 'whitespace'],
    [' bybit.kz', 'whitespace'],
    ['bybit.kz\t', 'whitespace'],
    ['bybit.kz/a b', 'whitespace'],
    ['bybit.kz?ref=1', 'query-or-fragment'],
    ['bybit.kz/#x', 'query-or-fragment'],
    ['kz', 'single-label'],
    ['a..kz', 'invalid-host'],
    ['xn--a.kz', 'invalid-host'],
    ['[::1]', 'invalid-host'],
    ['exa_mple!.kz', 'invalid-host'],
    ['foo.123', 'invalid-host'],
    ['a.kz//x', 'invalid-path'],
  ])('refuses %j (%s)', (input, problem) => {
    expect(normaliseTarget(input)).toEqual({ ok: false, problem });
  });

  it('gives canonical output that it leaves unchanged (property)', () => {
    fc.assert(
      fc.property(fc.tuple(host, path, fc.boolean(), fc.boolean()), ([h, p, upper, dot]) => {
        const input = `${upper ? h.toUpperCase() : h}${dot ? '.' : ''}${p}`;
        const result = normaliseTarget(input);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.target).toBe(`${h}${p.toLowerCase()}`);
        expect(checkCanonicalTarget(result.target)).toBeNull();
        expect(normaliseTarget(result.target)).toEqual(result);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws, and whatever it returns is canonical (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40, unit: 'grapheme' }), (input) => {
        const result = normaliseTarget(input);
        if (result.ok) {
          expect(checkCanonicalTarget(result.target)).toBeNull();
          expect(normaliseTarget(result.target)).toEqual(result);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses any target carrying a scheme, port or white space (property)', () => {
    fc.assert(
      fc.property(host, fc.constantFrom('http://', 'https://', 'ftp://', 'HTTPS://'), (h, scheme) => {
        expect(normaliseTarget(`${scheme}${h}`)).toEqual({ ok: false, problem: 'scheme' });
        expect(checkCanonicalTarget(`${scheme}${h}`)).toBe('scheme');
      }),
    );
    fc.assert(
      fc.property(host, fc.integer({ min: 0, max: 65535 }), (h, port) => {
        expect(normaliseTarget(`${h}:${port}`)).toEqual({ ok: false, problem: 'port' });
        expect(checkCanonicalTarget(`${h}:${port}`)).toBe('port');
      }),
    );
    fc.assert(
      fc.property(host, fc.nat(), fc.constantFrom(' ', '\t', '\n', '\u00a0'), (h, at, space) => {
        const i = at % (h.length + 1);
        const input = `${h.slice(0, i)}${space}${h.slice(i)}`;
        expect(normaliseTarget(input)).toEqual({ ok: false, problem: 'whitespace' });
        expect(checkCanonicalTarget(input)).toBe(space === '\u00a0' ? 'non-ascii' : 'whitespace');
      }),
    );
  });
});

describe('checkCanonicalTarget', () => {
  it.each([
    ['bybit.kz', null],
    ['t.me/obmen_kzt_bot', null],
    ['xn--90aaub4c.kz', null],
    ['127.0.0.1', null],
    ['бибит.kz', 'non-ascii'],
    ['Bybit.kz', 'not-lower-case'],
    ['bybit.kz.', 'trailing-dot'],
    ['bybit.kz/', 'invalid-path'],
    ['bybit.kz/a/../b', 'invalid-path'],
    ['127.1', 'not-normalised'],
    ['xn--zz.kz', 'not-normalised'],
    ['kz', 'single-label'],
  ])('%j -> %s', (target, problem) => {
    expect(checkCanonicalTarget(target)).toBe(problem);
  });

  it('refuses raw Unicode anywhere (property)', () => {
    fc.assert(
      fc.property(host, fc.string({ minLength: 1, maxLength: 3, unit: 'grapheme' }), (h, extra) => {
        fc.pre(/[^\p{ASCII}]/u.test(extra));
        expect(checkCanonicalTarget(`${extra}${h}`)).toBe('non-ascii');
        expect(checkCanonicalTarget(`${h}/${extra}`)).toBe('non-ascii');
      }),
    );
  });
});
