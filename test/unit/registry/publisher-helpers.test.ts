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

  it('refuses an alternative that is not licensed, an unknown source, a brand under 3 letters, an old version', () => {
    const built = buildPayload({
      ...input,
      version: 41,
      entries: [{ target: 'a.kz', status: 'warning', alternative: 'b.kz', source: 'afm', brand: 'a' }],
    });
    expect(built.ok).toBe(false);
    expect(!built.ok && built.errors.join('\n')).toMatch(
      /not greater[\s\S]*afm[\s\S]*not a licensed target[\s\S]*brand "a" has fewer than 3 letters/,
    );
  });

  const refusedEntry = (entry: Record<string, unknown>) => {
    const built = buildPayload({
      ...input,
      entries: [...input.entries, { target: 'x.kz', source: 'afsa', ...entry } as never],
    });
    return built.ok ? 'built' : built.errors.join('\n');
  };

  it('refuses a reason this version does not know', () => {
    expect(refusedEntry({ status: 'warning', reason: 'regulator-warnin' })).toContain(
      'reason "regulator-warnin" is not one of',
    );
  });

  it('refuses a reason on a licence and a validUntil off a licence', () => {
    expect(refusedEntry({ status: 'licensed', reason: 'state-block' })).toContain(
      'a licensed entry carries no reason',
    );
    expect(refusedEntry({ status: 'warning', validUntil: '2027-01-01' })).toContain(
      'only a licensed entry carries validUntil',
    );
  });

  it('refuses a validUntil that is not a real day', () => {
    expect(refusedEntry({ status: 'licensed', validUntil: '2027-02-30' })).toContain(
      'validUntil "2027-02-30" is not a date',
    );
  });

  it.each([['\u202e'], ['\u200f'], ['\u2066']])(
    'refuses direction control %j in names, licences and titles',
    (mark) => {
      expect(refusedEntry({ status: 'licensed', name: `Bybit${mark}` })).toContain(
        'name holds a direction control',
      );
      expect(refusedEntry({ status: 'licensed', licence: `A${mark}1` })).toContain(
        'licence holds a direction control',
      );
      const built = buildPayload({ ...input, sources: [{ id: 'afsa', title: `AFSA${mark}` }] });
      expect(built.ok ? 'built' : built.errors.join()).toContain('title holds a direction control');
    },
  );

  it('builds a brand on a warning and a blocked entry, and a brands list', () => {
    const built = buildPayload({
      ...input,
      entries: [
        ...input.entries,
        { target: 'okx.com', status: 'warning', reason: 'regulator-warning', brand: 'okx' },
      ],
      brands: [{ brand: 'binance', name: 'Binance', sites: ['binance.com'] }],
    });
    expect(built.ok && built.payload.brands).toEqual([
      { brand: 'binance', name: 'Binance', sites: ['binance.com'] },
    ]);
    expect(built.ok && built.payload.entries[2]).toMatchObject({ brand: 'okx', reason: 'regulator-warning' });
  });

  it('refuses a brands item the client would drop', () => {
    const built = buildPayload({ ...input, brands: [{ brand: 'ok', sites: [] }] });
    expect(built.ok ? 'built' : built.errors.join()).toMatch(/fewer than 3 letters[\s\S]*has no site/);
  });
});

describe('serialisePayload', () => {
  it('writes JSON that reads back to the same payload', () => {
    const payload = samplePayload();
    const read = parsePayload(serialisePayload(payload));
    expect(read.ok && read.payload).toEqual(payload);
  });

  it('writes reasons, licence ends and brands, one brand a line', () => {
    const payload = samplePayload({
      entries: [
        { target: 'whitebit.kz', status: 'licensed', validUntil: '2027-01-22', brand: 'whitebit' },
        { target: 'swiftex.io', status: 'warning', reason: 'licence-withdrawn' },
      ],
      brands: [
        { brand: 'binance', name: 'Binance', sites: ['binance.com'] },
        { brand: 'kraken', sites: ['kraken.com'] },
      ],
    });
    const bytes = serialisePayload(payload);
    const read = parsePayload(bytes);
    expect(read.ok && read.payload).toEqual(payload);
    expect(new TextDecoder().decode(bytes)).toContain(
      '"brands": [\n    {"brand":"binance","name":"Binance","sites":["binance.com"]},\n',
    );
  });
});

describe('diffPayloads', () => {
  it('names a changed reason and validUntil, and brands added, removed and changed', () => {
    const before = samplePayload({
      entries: [
        { target: 'a.kz', status: 'licensed', validUntil: '2026-12-31' },
        { target: 'b.kz', status: 'warning', reason: 'regulator-warning' },
      ],
      brands: [
        { brand: 'binance', sites: ['binance.com'] },
        { brand: 'kraken', sites: ['kraken.com'] },
      ],
    });
    const after = samplePayload({
      entries: [
        { target: 'a.kz', status: 'licensed', validUntil: '2027-12-31' },
        { target: 'b.kz', status: 'warning', reason: 'licence-withdrawn' },
      ],
      brands: [
        { brand: 'binance', sites: ['binance.com', 'binance.us'] },
        { brand: 'kucoin', sites: ['kucoin.com'] },
      ],
    });
    const diff = diffPayloads(before, after);
    expect(diff.changed.map((change) => [change.target, change.fields])).toEqual([
      ['a.kz', ['validUntil']],
      ['b.kz', ['reason']],
    ]);
    expect(diff.brands.added.map((b) => b.brand)).toEqual(['kucoin']);
    expect(diff.brands.removed.map((b) => b.brand)).toEqual(['kraken']);
    expect(diff.brands.changed.map((c) => c.after.sites)).toEqual([['binance.com', 'binance.us']]);
  });

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
