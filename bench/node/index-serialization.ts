/**
 * Building the index and moving it to and from its stored record. Loading the
 * record is the index's share of the worker's cold start (300 ms at 1M entries
 * for everything, storage read included), so it gets a target of its own.
 */
import { buildIndex } from '../../lib/match/build-index';
import { matchHost } from '../../lib/match/most-specific-entry';
import { deserializeIndex, serializeIndex } from '../../lib/match/serialize-index';
import { consume, timeMedianMs } from '../measure';
import type { BenchRow } from '../types';
import { syntheticRegistry } from './synthetic-registry';

export async function run(): Promise<BenchRow[]> {
  const small = syntheticRegistry({ count: 100_000, seed: 5 });
  const large = syntheticRegistry({ count: 1_000_000 });

  const build100k = timeMedianMs(5, () => consume(buildIndex(small)));
  const build1M = timeMedianMs(3, () => consume(buildIndex(large)));
  const index = buildIndex(large);
  const serialize = timeMedianMs(5, () => consume(serializeIndex(index)));
  const record = serializeIndex(index);
  const deserialize = timeMedianMs(5, () => consume(deserializeIndex(record)));
  const deserializeUnchecked = timeMedianMs(5, () =>
    consume(deserializeIndex(record, { verifyChecksum: false })),
  );
  const firstMatch = timeMedianMs(5, () => {
    const loaded = deserializeIndex(record);
    consume(matchHost(loaded, 'www.example.kz', '/'));
  });

  return [
    {
      metric: 'index.build.100k',
      label: 'build index @100k',
      value: build100k,
      unit: 'ms',
      target: { op: '<=', value: 200 },
      note: 'share of the 1 s full-sync budget at 100k entries',
    },
    { metric: 'index.build.1m', label: 'build index @1M', value: build1M, unit: 'ms' },
    {
      metric: 'index.record.bytes',
      label: 'stored record size @1M',
      value: record.byteLength / 1_000_000,
      unit: 'B/entry',
    },
    {
      metric: 'index.serialize.1m',
      label: 'serialize @1M',
      value: serialize,
      unit: 'ms',
      target: { op: '<=', value: 100 },
    },
    {
      metric: 'index.deserialize.1m',
      label: 'deserialize @1M (checksum verified)',
      value: deserialize,
      unit: 'ms',
      target: { op: '<=', value: 30 },
      note: 'share of the 300 ms cold-start budget at 1M entries',
    },
    {
      metric: 'index.deserialize.unchecked.1m',
      label: 'deserialize @1M (no checksum)',
      value: deserializeUnchecked,
      unit: 'ms',
    },
    {
      metric: 'index.first-match.1m',
      label: 'deserialize + first match @1M',
      value: firstMatch,
      unit: 'ms',
    },
  ];
}
