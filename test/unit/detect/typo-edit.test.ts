import { describe, expect, it } from 'vitest';
import { typoEdit } from '../../../lib/detect/lookalike/typo-edit';

describe('typoEdit', () => {
  it.each([
    ['bybti', 'transposition'],
    ['bybitt', 'repetition'],
    ['bybiit', 'repetition'],
    ['bybt', 'omission'],
    ['byblt', 'visual'],
    ['bybjt', 'visual'],
    ['bybir', 'adjacent-key'],
    ['bybat', 'vowel-swap'],
    ['by-bit', 'hyphenation'],
    ['bybiut', 'insertion'],
  ])('%s is a %s of bybit', (candidate, kind) => {
    expect(typoEdit(candidate, 'bybit')).toBe(kind);
  });

  it('folds vv to w', () => {
    expect(typoEdit('vvhitebit', 'whitebit')).toBe('visual');
  });

  it.each(['bybit', 'bibit', 'habit', 'bybitxx', 'ybit', 'bybi', 'bydit'])(
    '%s is not a slip of bybit',
    (c) => {
      expect(typoEdit(c, 'bybit')).toBeNull();
    },
  );

  it('counts edge omissions only on long brands', () => {
    expect(typoEdit('atai', 'ataix')).toBeNull();
    expect(typoEdit('hitebit', 'whitebit')).toBe('omission');
  });
});
