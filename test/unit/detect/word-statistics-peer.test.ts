import { describe, expect, it } from 'vitest';
import {
  bestRecallAtPrecision,
  leaveOneOutScores,
  wordsOf,
  type WordDoc,
} from '../../eval/word-statistics-peer';

const doc = (positive: boolean, text: string): WordDoc => ({ positive, words: wordsOf(text) });

describe('the word-statistics peer', () => {
  it('reads words of three letters or more in any script, once each', () => {
    expect([...wordsOf('Обмен USDT на KZT, обмен и ещё 2 BTC')]).toEqual([
      'обмен',
      'usdt',
      'kzt',
      'ещё',
      'btc',
    ]);
  });

  it('scores a page by the words it shares with the other pages of each label', () => {
    const docs = [
      doc(true, 'reserve application exchange'),
      doc(true, 'reserve application rules'),
      doc(true, 'reserve application contacts'),
      doc(false, 'weather forecast article'),
      doc(false, 'weather forecast news'),
      doc(false, 'weather forecast rules'),
    ];
    const scores = leaveOneOutScores(docs);
    for (let i = 0; i < 3; i++) expect(scores[i]).toBeGreaterThan(0);
    for (let i = 3; i < 6; i++) expect(scores[i]).toBeLessThan(0);
  });

  it('never lets a held-out page learn from its own words', () => {
    // "unique" is on one page only: once that page is held out, no training page holds it.
    const docs = [doc(true, 'unique'), doc(false, 'other'), doc(false, 'else')];
    expect(leaveOneOutScores(docs)[0]).toBe(0);
  });

  it('finds the best recall a threshold buys at a precision', () => {
    const rows = [
      { positive: true, score: 9 },
      { positive: true, score: 8 },
      { positive: false, score: 7 },
      { positive: true, score: 6 },
      { positive: true, score: 1 },
    ];
    expect(bestRecallAtPrecision(rows, 1)).toBe(0.5);
    // At 6 precision is 3 of 4; at 1 it is 4 of 5, so every positive is in.
    expect(bestRecallAtPrecision(rows, 0.85)).toBe(0.5);
    expect(bestRecallAtPrecision(rows, 0.75)).toBe(1);
    expect(bestRecallAtPrecision([{ positive: false, score: 1 }], 0.5)).toBe(0);
  });
});
