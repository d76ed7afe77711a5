import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasCanonicalShape } from '../../../lib/registry/canonical-shape';
import { CANONICAL_TARGET } from '../../../lib/registry/normalise-target';

// Characters around every edge of the shape: label and path characters, the separators, upper case,
// percent escapes, white space and a non-ASCII letter.
const piece = fc.constantFrom(
  ..."abz09_-./~!$&'()*+,;=:@%AZ #?ä".split(''),
  'xn--',
  '%2f',
  'a'.repeat(62),
  'b'.repeat(63),
  'c'.repeat(64),
);
const text = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));

describe('hasCanonicalShape', () => {
  it('answers exactly what the canonical pattern answers for any string without a percent sign', () => {
    fc.assert(
      fc.property(text, (value) => {
        fc.pre(!value.includes('%'));
        expect(hasCanonicalShape(value)).toBe(CANONICAL_TARGET.test(value));
      }),
      { numRuns: 20_000 },
    );
  });

  it('leaves percent escapes to the pattern', () => {
    fc.assert(
      fc.property(text, (value) => {
        fc.pre(value.includes('%'));
        expect(hasCanonicalShape(value)).toBe(false);
      }),
    );
    expect(CANONICAL_TARGET.test('t.me/%d0%ba')).toBe(true);
  });

  it.each([
    ['bybit.kz', true],
    ['t.me/obmen_kzt_bot', true],
    [`${'a'.repeat(63)}.kz`, true],
    [`${'a'.repeat(64)}.kz`, false],
    ['-bybit.kz', false],
    ['bybit-.kz', false],
    ['bybit', false],
    ['bybit.kz.', false],
    ['bybit..kz', false],
    ['bybit.kz/', false],
    ['bybit.kz//en', false],
    ['Bybit.kz', false],
  ])('%s: %s', (value, expected) => {
    expect(hasCanonicalShape(value)).toBe(expected);
    expect(CANONICAL_TARGET.test(value)).toBe(expected);
  });
});
