/**
 * Packs the two largest tables the background worker carries into forms V8 reads quickly. A
 * stopped worker is started again for nearly every event, and every start parses the whole bundle
 * before a listener runs; measured in Chromium, these two tables alone made each start about 2 ms
 * slower as their packages ship them (bench/README.md, "what a cold start pays").
 *
 * - The Public Suffix List of `tldts-experimental` is an array literal of about 10,000 numbers
 *   (`new Uint32Array([...])`), each a token to scan and a value to build on every start. Here it
 *   becomes its bytes as base64 text, decoded once when the module loads: the same `Uint32Array`.
 * - The TR39 confusables table (`unhomoglyph/data.json`) imported with `?pairs` is each entry's
 *   character followed by its prototype (lib/detect/lookalike/confusable-pairs.ts), instead of
 *   indented JSON with escapes: 30 kB of text instead of 76 kB.
 *
 * The build fails, rather than shipping an unpacked table, when either file is not in the shape
 * expected here.
 */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { packPairs } from '../lib/detect/lookalike/confusable-pairs';

const PSL_HASHES = /[\\/]tldts-experimental[\\/]dist[\\/]es6[\\/]src[\\/]data[\\/]hashes\.js$/;
const PAIRS_QUERY = '?pairs';
const PAIRS_PREFIX = '\0qorgan-pairs:';
const PAIRS_SUFFIX = '.pairs.js';

/** The numbers of tldts-experimental's hashes module. */
export function readPslHashes(source: string): Uint32Array {
  const match =
    /^(?:\/\/[^\n]*\n)*\s*export default new Uint32Array\((\[[\d,\s]*\])\);\s*(?:\/\/[^\n]*\s*)*$/.exec(
      source,
    );
  if (!match?.[1])
    throw new Error('tldts-experimental: its hashes module is not the array literal this build packs');
  return Uint32Array.from(JSON.parse(match[1]) as number[]);
}

/**
 * A module whose default export is `words` again, carried as base64 of their little-endian bytes.
 * Browsers without `Uint8Array.fromBase64` (Chrome before 140) decode through `atob`.
 */
export function packedWordsModule(words: Uint32Array): string {
  const bytes = new Uint8Array(words.length * 4);
  const view = new DataView(bytes.buffer);
  words.forEach((word, i) => view.setUint32(i * 4, word, true));
  const text = Buffer.from(bytes).toString('base64');
  return `// tldts-experimental's Public Suffix List hashes, packed by the build (scripts/vite-packed-data.ts).
const text = ${JSON.stringify(text)};
const bytes = Uint8Array.fromBase64 ? Uint8Array.fromBase64(text) : Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
const view = new DataView(bytes.buffer);
const words = new Uint32Array(bytes.length / 4);
for (let i = 0; i < words.length; i++) words[i] = view.getUint32(i * 4, true);
export default words;
`;
}

/** The build's plugin (also the unit tests', so they read the tables as the extension does). */
export function packedData(): Plugin {
  return {
    name: 'qorgan:packed-data',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!source.endsWith(PAIRS_QUERY)) return null;
      const resolved = await this.resolve(source.slice(0, -PAIRS_QUERY.length), importer, { skipSelf: true });
      if (!resolved) throw new Error(`cannot find ${source}`);
      // Not ending in .json, or Vite's JSON plugin would parse the module this plugin writes.
      return `${PAIRS_PREFIX}${resolved.id}${PAIRS_SUFFIX}`;
    },
    load(id) {
      if (id.startsWith(PAIRS_PREFIX)) {
        const file = id.slice(PAIRS_PREFIX.length, -PAIRS_SUFFIX.length);
        const table = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
        return `export default ${JSON.stringify(packPairs(table))};\n`;
      }
      if (PSL_HASHES.test(id)) return packedWordsModule(readPslHashes(readFileSync(id, 'utf8')));
      return null;
    },
  };
}
