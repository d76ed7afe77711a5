import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitTarget } from '../../../lib/match/split-target';
import { targetKey } from '../../../lib/match/target-key-hash';
import { HOST_HIGH, HOST_LOW, PATH_HIGH, PATH_LOW, writeTargetKeys } from '../../../lib/match/target-keys';

/** The keys the two-step way gives: split (folding case, trailing dots and slashes), then hash. */
function referenceKeys(target: string): number[] {
  const split = splitTarget(target);
  if (!split) return [];
  const host = targetKey(split.host);
  if (split.path === '') return [host.high, host.low];
  const path = targetKey(split.host, split.path);
  return [host.high, host.low, path.high, path.low];
}

function keysOf(target: string): number[] {
  const keys = new Uint32Array(4);
  const count = writeTargetKeys(target, keys);
  if (count === 0) return [];
  const host = [keys[HOST_HIGH] ?? 0, keys[HOST_LOW] ?? 0];
  return count === 1 ? host : [...host, keys[PATH_HIGH] ?? 0, keys[PATH_LOW] ?? 0];
}

const piece = fc.constantFrom(...'abZ09-_./~'.split(''), 'İ', 'ä', 'K', 'xn--', '..', '//');
const target = fc.array(piece, { maxLength: 14 }).map((parts) => parts.join(''));

describe('writeTargetKeys', () => {
  it('gives the same keys as splitting the target and hashing its parts', () => {
    fc.assert(
      fc.property(target, (value) => {
        expect(keysOf(value)).toEqual(referenceKeys(value));
      }),
      { numRuns: 20_000 },
    );
  });

  it.each([
    'bybit.kz',
    'Bybit.KZ.',
    't.me/Obmen_bot//',
    'binance.com/en-kz/',
    '/path',
    '...',
    'İstanbul.tr/x',
  ])('%s', (value) => {
    expect(keysOf(value)).toEqual(referenceKeys(value));
  });
});
