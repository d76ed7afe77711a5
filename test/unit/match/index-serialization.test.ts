import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../lib/match/build-index';
import { HEADER_WORDS } from '../../../lib/match/compact-index';
import { matchHost } from '../../../lib/match/most-specific-entry';
import { IndexFormatError, deserializeIndex, serializeIndex } from '../../../lib/match/serialize-index';

const entries = Array.from({ length: 5000 }, (_, i) => ({
  target: i % 10 === 0 ? `host${i}.kz/path${i}` : `host${i}.kz`,
  status: (['licensed', 'blocked', 'warning'] as const)[i % 3]!,
}));

describe('index serialisation', () => {
  it('round-trips: the loaded index answers exactly as the built one', () => {
    const built = buildIndex(entries);
    const loaded = deserializeIndex(serializeIndex(built));
    expect(loaded.keyCount).toBe(built.keyCount);
    expect(loaded.entryCount).toBe(5000);
    for (let i = 0; i < 5000; i += 7) {
      for (const [host, path] of [
        [`host${i}.kz`, '/'],
        [`www.host${i}.kz`, `/path${i}/x`],
        [`nohost${i}.kz`, '/'],
      ] as const) {
        expect(matchHost(loaded, host, path)).toEqual(matchHost(built, host, path));
      }
    }
  });

  it('loads without copying: the index views the given buffer', () => {
    const record = serializeIndex(buildIndex(entries));
    expect(deserializeIndex(record).buffer).toBe(record);
  });

  it('gives a copy, so transferring the record leaves the live index intact', () => {
    const built = buildIndex(entries);
    structuredClone(serializeIndex(built), { transfer: [serializeIndex(built)] });
    expect(matchHost(built, 'host1.kz', '/')?.ordinal).toBe(1);
  });

  it('round-trips an empty index', () => {
    const loaded = deserializeIndex(serializeIndex(buildIndex([])));
    expect(loaded.keyCount).toBe(0);
    expect(matchHost(loaded, 'a.kz', '/')).toBeNull();
  });

  it('refuses records that are not an index, truncated or damaged', () => {
    const record = serializeIndex(buildIndex(entries));
    expect(() => deserializeIndex(new ArrayBuffer(0))).toThrow(IndexFormatError);
    expect(() => deserializeIndex(new ArrayBuffer(64))).toThrow(IndexFormatError);
    expect(() => deserializeIndex(record.slice(0, record.byteLength - 4))).toThrow(IndexFormatError);
    const damaged = record.slice(0);
    new Uint32Array(damaged)[HEADER_WORDS + 100]! ^= 1;
    expect(() => deserializeIndex(damaged)).toThrow(/checksum/);
    expect(() => deserializeIndex(damaged, { verifyChecksum: false })).not.toThrow();
    const otherFormat = record.slice(0);
    new Uint32Array(otherFormat)[1] = 99;
    expect(() => deserializeIndex(otherFormat)).toThrow(/format/);
  });
});
