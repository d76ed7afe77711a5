import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LISTED_ASSETS } from '../../../lib/detect/unregistered/crypto-assets.generated';
import { listedAssetMentions, namesListedAsset } from '../../../lib/detect/unregistered/listed-assets';

const assets = (text: string) => listedAssetMentions(text).map((m) => m.asset);
const WORD_CHAR = /[A-Za-z0-9\u0400-\u04FF]/u;

/** Pieces of text: listed tickers and names in several cases, numbers, signs and odd letters. */
const piece = fc.oneof(
  fc.constantFrom(
    ...LISTED_ASSETS.slice(0, 60).flatMap(([ticker, name]) => [ticker, name, name.toUpperCase()]),
  ),
  fc.constantFrom('Monero', 'monero', 'XMR', 'bitcoin', 'ANT', 'ants', 'Cardano', 'ADA', '1INCH', 'ZRX'),
  fc.constantFrom(
    ' ',
    ' ',
    '  ',
    '\n',
    '(',
    ')',
    '→',
    '->',
    '/',
    '=',
    ':',
    '.',
    ',',
    '-',
    '0.5',
    '12 345',
    '7',
  ),
  // Letters that change kind or length in lower case, Cyrillic variants that the `i` flag pairs with
  // В or С, a Cyrillic letter, an emoji and a lone surrogate.
  fc.constantFrom('\u212A', '\u0130', '\u1C80', '\u1C83', 'В', 'ж', '😀', '\uD800', 'é'),
);
const text = fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join(''));

describe('listed assets in text', () => {
  it('are whole words, found at the word they name', () => {
    fc.assert(
      fc.property(text, (t) => {
        for (const { index, asset } of listedAssetMentions(t)) {
          const before = index === 0 ? '' : t.charAt(index - 1);
          const after = t.charAt(index + asset.length);
          expect(WORD_CHAR.test(before)).toBe(false);
          expect(WORD_CHAR.test(after)).toBe(false);
          expect(t.slice(index, index + asset.length).toLowerCase()).toBe(asset.toLowerCase());
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('are named at least once exactly where the full search finds one', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(namesListedAsset(t)).toBe(listedAssetMentions(t, 1).length > 0);
      }),
      { numRuns: 3000 },
    );
  });

  it('are found after and before any letter outside Latin and Cyrillic, whatever its case', () => {
    for (const apart of ['\u1C80', '\u1C83', '\u212A', '\u0130', 'é', '😀'])
      for (const t of [`${apart}Monero`, `Monero${apart}`, `${apart}0.5 XMR${apart}`]) {
        expect(assets(t), JSON.stringify(t)).toEqual(t.includes('XMR') ? ['XMR'] : ['monero']);
        expect(namesListedAsset(t), JSON.stringify(t)).toBe(true);
      }
  });

  it('are not found inside a longer word, Latin or Cyrillic', () => {
    for (const t of ['Moneroж', 'Вmonero', 'moneros', '0.5 XMRB', 'xXMR 5']) {
      expect(assets(t), t).toEqual([]);
      expect(namesListedAsset(t), t).toBe(false);
    }
  });

  it('read a word that is a name and a ticker in capitals as the name, once', () => {
    expect(listedAssetMentions('MONERO 5 XMR')).toEqual([
      { index: 0, asset: 'monero' },
      { index: 9, asset: 'XMR' },
    ]);
    expect(listedAssetMentions('Monero XMR and XMR/USDT', 2).map((m) => m.asset)).toEqual(['monero', 'XMR']);
  });
});
