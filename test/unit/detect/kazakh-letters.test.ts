import { describe, expect, it } from 'vitest';
import { confusableSkeleton } from '../../../lib/detect/lookalike/confusable-skeleton';
import { latinOfPrototypes, mapKazakhLetters } from '../../../lib/detect/lookalike/kazakh-letters';

describe('Kazakh letters mapped to the Latin letter they pass for', () => {
  it.each([
    ['ә', 'Ә', 'e'],
    ['қ', 'Қ', 'k'],
    ['ң', 'Ң', 'h'],
    ['ғ', 'Ғ', 'r'],
    ['ү', 'Ү', 'y'],
    ['ұ', 'Ұ', 'y'],
    ['һ', 'Һ', 'h'],
    ['ө', 'Ө', 'o'],
    ['і', 'І', 'i'],
  ])('%s and %s read as %s, alone and inside a skeleton', (lower, upper, latin) => {
    expect(mapKazakhLetters(lower)).toBe(latin);
    expect(mapKazakhLetters(upper)).toBe(latin);
    expect(confusableSkeleton(`x${lower}x`)).toBe(`x${latin}x`);
    expect(confusableSkeleton(`x${upper}x`)).toBe(`x${latin}x`);
  });

  it('leaves other letters to the Unicode table', () => {
    expect(mapKazakhLetters('бұл қала')).toBe('бyл kала');
    expect(confusableSkeleton('ура')).toBe('ypa');
  });

  it('folds the non-Latin prototypes of Cyrillic к and н', () => {
    expect(latinOfPrototypes('ĸʜǝ')).toBe('khe');
    expect(confusableSkeleton('кucоin')).toBe('kucoin');
  });
});
