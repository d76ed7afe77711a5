import { describe, expect, it } from 'vitest';
import { buildPayload } from '../../../lib/registry/build-payload';
import { mergeEntries } from '../../../lib/registry/merge-entries';
import { diffPayloads } from '../../../lib/registry/payload-diff';
import { serialisePayload } from '../../../lib/registry/serialise-payload';
import { parsePayload } from '../../../lib/registry/validate-payload';
import { samplePayload } from './fixtures';

describe('mergeEntries', () => {
  it('keeps one of identical rows, reports conflicting ones, sorts by target', () => {
    const merged = mergeEntries([
      { entry: { target: 'b.kz', status: 'blocked' }, origin: 'x.csv:2' },
      { entry: { target: 'a.kz', status: 'blocked' }, origin: 'x.csv:3' },
      { entry: { target: 'b.kz', status: 'blocked' }, origin: 'y.csv:2' },
      { entry: { target: 'a.kz', status: 'licensed' }, origin: 'z.csv:9' },
    ]);
    expect(merged.entries.map((e) => e.target)).toEqual(['a.kz', 'b.kz']);
    expect(merged.duplicates).toEqual([{ target: 'b.kz', origins: ['x.csv:2', 'y.csv:2'] }]);
    expect(merged.conflicts).toEqual([{ target: 'a.kz', origins: ['x.csv:3', 'z.csv:9'] }]);
  });
});

describe('buildPayload', () => {
  const input = {
    jurisdiction: 'KZ',
    sources: [{ id: 'afsa', title: 'AFSA' }],
    entries: [
      { target: 'bybit.kz', status: 'licensed' as const, brand: 'bybit', source: 'afsa' },
      { target: 'bybit.com', status: 'warning' as const, alternative: 'bybit.kz', source: 'afsa' },
    ],
    previousVersion: 41,
    issuedAt: new Date('2026-11-20T06:00:00.750Z'),
    validDays: 14,
  };

  it('numbers after the previous version and sets the validity window', () => {
    const built = buildPayload(input);
    expect(built.ok && built.payload).toMatchObject({
      version: 42,
      issuedAt: '2026-11-20T06:00:00Z',
      expiresAt: '2026-12-04T06:00:00Z',
    });
  });

  it('refuses an alternative that is not licensed, an unknown source, a brand off a licence, an old version', () => {
    const built = buildPayload({
      ...input,
      version: 41,
      entries: [{ target: 'a.kz', status: 'warning', alternative: 'b.kz', source: 'afm', brand: 'a' }],
    });
    expect(built.ok).toBe(false);
    expect(!built.ok && built.errors.join('\n')).toMatch(
      /not greater[\s\S]*afm[\s\S]*not a licensed target[\s\S]*brand/,
    );
  });
});

describe('serialisePayload', () => {
  it('writes JSON that reads back to the same payload', () => {
    const payload = samplePayload();
    const read = parsePayload(serialisePayload(payload));
    expect(read.ok && read.payload).toEqual(payload);
  });
});

describe('diffPayloads', () => {
  it('matches entries by target', () => {
    const before = samplePayload();
    const after = samplePayload({
      entries: [
        { target: 'bybit.kz', status: 'licensed', brand: 'bybit', source: 'afsa' },
        { target: 'okx.com', status: 'warning' },
      ],
    });
    const diff = diffPayloads(before, after);
    expect(diff.added.map((e) => e.target)).toEqual(['okx.com']);
    expect(diff.removed.map((e) => e.target)).toEqual(['bybit.com', 't.me/obmen_kzt_bot']);
    expect(diff.changed).toEqual([
      expect.objectContaining({ target: 'bybit.kz', fields: ['licence', 'name'] }),
    ]);
  });
});
