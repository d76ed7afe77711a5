import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  HOST_PUNYCODE,
  LAST_LABEL_DIGIT,
  NOT_CANONICAL,
  PATH_DOT_SEGMENT,
  SHAPE_FLAGS,
  hasCanonicalShape,
  readCanonicalShape,
} from '../../../lib/registry/canonical-shape';
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

/** The facts as the target check read them before, one string search each. */
function factsBySearch(target: string): number {
  const slash = target.indexOf('/');
  const hostEnd = slash < 0 ? target.length : slash;
  const punycode = target.indexOf('xn--');
  const lastLabel = target.charCodeAt(target.lastIndexOf('.', hostEnd - 1) + 1);
  return (
    hostEnd * SHAPE_FLAGS +
    (lastLabel >= 48 && lastLabel <= 57 ? LAST_LABEL_DIGIT : 0) +
    (punycode >= 0 && punycode < hostEnd ? HOST_PUNYCODE : 0) +
    (target.includes('/.') ? PATH_DOT_SEGMENT : 0)
  );
}

const labelPiece = fc.constantFrom('a', 'z', '0', '9', '_', '-', 'x', 'n', 'xn--', 'xn-');
const label = fc.array(labelPiece, { minLength: 1, maxLength: 5 }).map((parts) => parts.join(''));
const segment = fc
  .array(fc.constantFrom('a', '.', '~', '-', '9', 'xn--', ':'), { minLength: 1, maxLength: 4 })
  .map((parts) => parts.join(''));
const shaped = fc
  .tuple(fc.array(label, { minLength: 1, maxLength: 4 }), fc.array(segment, { maxLength: 3 }))
  .map(([labels, segments]) => [labels.join('.'), ...segments].join('/'));

describe('readCanonicalShape', () => {
  it('says what hasCanonicalShape says, and for that shape what the string searches say', () => {
    let canonical = 0;
    fc.assert(
      fc.property(fc.oneof(shaped, text), (value) => {
        const shape = readCanonicalShape(value);
        expect(shape !== NOT_CANONICAL).toBe(hasCanonicalShape(value));
        if (shape === NOT_CANONICAL) return;
        canonical++;
        expect(shape).toBe(factsBySearch(value));
      }),
      { numRuns: 20_000 },
    );
    expect(canonical).toBeGreaterThan(1000);
  });

  it.each([
    ['bybit.kz', 8 * SHAPE_FLAGS],
    ['xn--80ak6aa92e.com/a', 18 * SHAPE_FLAGS + HOST_PUNYCODE],
    ['1.2.3.4', 7 * SHAPE_FLAGS + LAST_LABEL_DIGIT],
    ['t.me/.well-known', 4 * SHAPE_FLAGS + PATH_DOT_SEGMENT],
    ['t.me/xn--x', 4 * SHAPE_FLAGS],
  ])('%s', (value, expected) => {
    expect(readCanonicalShape(value)).toBe(expected);
  });
});
