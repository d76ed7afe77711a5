/**
 * The build packs the worker's two largest tables (scripts/vite-packed-data.ts). What the packed
 * forms give back must be exactly what the packages ship, on browsers with and without
 * `Uint8Array.fromBase64`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { readConfusables } from '../../../lib/detect/lookalike/confusable-skeleton';
import { PAIR_SEPARATOR, packPairs } from '../../../lib/detect/lookalike/confusable-pairs';
import { packedWordsModule, readPslHashes } from '../../../scripts/vite-packed-data';
import confusablePairs from 'unhomoglyph/data.json?pairs';

const require = createRequire(import.meta.url);
const HASHES_FILE = require
  .resolve('tldts-experimental')
  .replace(/dist[\\/]cjs[\\/]index\.js$/, 'dist/es6/src/data/hashes.js');
const CONFUSABLES = JSON.parse(readFileSync(require.resolve('unhomoglyph/data.json'), 'utf8')) as Record<
  string,
  string
>;

/** Runs a module written by the plugin and returns its default export. */
function runModule(code: string): unknown {
  return new Function(code.replace('export default words;', 'return words;'))() as unknown;
}

type WithFromBase64 = typeof Uint8Array & { fromBase64?: (text: string) => Uint8Array };
const platform = Uint8Array as WithFromBase64;
const hadFromBase64 = Object.hasOwn(platform, 'fromBase64');
const ownFromBase64 = platform.fromBase64;

afterEach(() => {
  if (hadFromBase64) platform.fromBase64 = ownFromBase64;
  else Reflect.deleteProperty(platform, 'fromBase64');
});

describe('the Public Suffix List hashes, packed', () => {
  const shipped = readPslHashes(readFileSync(HASHES_FILE, 'utf8'));

  it('reads the package’s array literal', () => {
    expect(shipped.length).toBeGreaterThan(5000);
    expect(shipped[0]).toBe(6);
  });

  it('decodes to the same words through atob', () => {
    Reflect.deleteProperty(platform, 'fromBase64');
    const words = runModule(packedWordsModule(shipped));
    expect(words).toBeInstanceOf(Uint32Array);
    expect(words).toEqual(shipped);
  });

  it('decodes to the same words through Uint8Array.fromBase64', () => {
    let used = 0;
    platform.fromBase64 = (text: string) => {
      used += 1;
      return Uint8Array.from(Buffer.from(text, 'base64'));
    };
    expect(runModule(packedWordsModule(shipped))).toEqual(shipped);
    expect(used).toBe(1);
  });

  it('fails the build when the package’s module is not the expected array literal', () => {
    expect(() => readPslHashes('export default new Uint32Array(hashes);')).toThrow(/tldts-experimental/);
    expect(() => readPslHashes('export const packed = [1, 2, 3];')).toThrow(/tldts-experimental/);
  });
});

describe('the confusables table, packed', () => {
  it('gives back every entry of the package', () => {
    const read = readConfusables(packPairs(CONFUSABLES));
    expect(read.size).toBe(Object.keys(CONFUSABLES).length);
    expect(Object.fromEntries(read)).toEqual(CONFUSABLES);
  });

  it('is what the unit tests, like the build, import', () => {
    expect(typeof confusablePairs).toBe('string');
    expect(Object.fromEntries(readConfusables(confusablePairs))).toEqual(CONFUSABLES);
    // Less than half of the package's text for the worker to scan at each start.
    expect(confusablePairs.length * 2).toBeLessThan(
      readFileSync(require.resolve('unhomoglyph/data.json'), 'utf8').length,
    );
  });

  it('refuses a table it could not give back', () => {
    expect(() => packPairs({ [PAIR_SEPARATOR]: 'x' })).toThrow();
    expect(() => packPairs({ a: `b${PAIR_SEPARATOR}` })).toThrow();
    expect(() => packPairs({ ab: 'c' })).toThrow();
    expect(() => packPairs({ a: '' })).toThrow();
  });

  it('reads the parsed object Node’s own loader hands over', () => {
    expect(readConfusables({ а: 'a' }).get('а')).toBe('a');
  });
});
