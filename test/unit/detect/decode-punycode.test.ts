import { domainToASCII, domainToUnicode } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePunycode, hostToUnicode, labelToUnicode } from '../../../lib/detect/lookalike/decode-punycode';

describe('decodePunycode', () => {
  it('decodes known labels', () => {
    expect(labelToUnicode('xn--80ao21a')).toBe('қаз');
    expect(hostToUnicode('xn--bbt-dfd0h.kz')).toBe('bуbіt.kz');
    expect(labelToUnicode('bybit')).toBe('bybit');
  });

  it('returns null for malformed input, and labelToUnicode keeps the label', () => {
    expect(decodePunycode('zz!')).toBeNull();
    expect(decodePunycode('a-é')).toBeNull();
    expect(labelToUnicode('xn--zz!')).toBe('xn--zz!');
  });

  it('agrees with the URL standard’s decoder on generated labels', () => {
    const letters = 'abcdefghijklmnopqrstuvwxyz0123456789аеорсуіһүөқәңғұхjѕüéñ'.split('');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 20 }), (chars) => {
        const ascii = domainToASCII(`${chars.join('')}.kz`);
        fc.pre(ascii !== '');
        expect(hostToUnicode(ascii)).toBe(domainToUnicode(ascii));
      }),
      { numRuns: 300 },
    );
  });
});
