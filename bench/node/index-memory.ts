/**
 * Memory the hot index holds at 1,000,000 entries, measured: JS heap plus
 * ArrayBuffer storage after full collections, before and after, with the
 * entry objects gone. Measured twice: as built, and as loaded from its stored
 * record (the form a restarted worker holds).
 */
import { buildIndex } from '../../lib/match/build-index';
import type { CompactIndex } from '../../lib/match/compact-index';
import { deserializeIndex, serializeIndex } from '../../lib/match/serialize-index';
import { consume, retainedBytes } from '../measure';
import type { BenchRow } from '../types';
import { syntheticRegistry } from './synthetic-registry';

const ENTRY_COUNT = 1_000_000;

function buildFromFreshEntries(): CompactIndex {
  return buildIndex(syntheticRegistry({ count: ENTRY_COUNT }));
}

/** Retained bytes of a freshly built index, and its key count. */
function measureBuilt(baseline: number): { bytes: number; keyCount: number } {
  const index = buildFromFreshEntries();
  const bytes = retainedBytes() - baseline;
  return { bytes, keyCount: index.keyCount };
}

/** Retained bytes of an index loaded from its stored record, with nothing else kept. */
function measureLoaded(baseline: number): number {
  const loaded = deserializeIndex(recordOfFreshIndex());
  const bytes = retainedBytes() - baseline;
  consume(loaded);
  return bytes;
}

function recordOfFreshIndex(): ArrayBuffer {
  return serializeIndex(buildFromFreshEntries());
}

export async function run(): Promise<BenchRow[]> {
  // Warm the code paths first, so compiled code is in the baseline.
  consume(deserializeIndex(serializeIndex(buildIndex(syntheticRegistry({ count: 1000 })))));
  consume(null);

  const baseline = retainedBytes();
  const built = measureBuilt(baseline);
  const loaded = measureLoaded(baseline);
  const note = `${ENTRY_COUNT.toLocaleString('en-US')} entries (3 % path targets), ${built.keyCount.toLocaleString('en-US')} keys; heapUsed + arrayBuffers after GC`;
  return [
    {
      metric: 'index.bytes-per-entry',
      label: 'hot index memory @1M, as built',
      value: built.bytes / ENTRY_COUNT,
      unit: 'B/entry',
      target: { op: '<=', value: 16 },
      note,
    },
    {
      metric: 'index.bytes-per-entry.loaded',
      label: 'hot index memory @1M, loaded from record',
      value: loaded / ENTRY_COUNT,
      unit: 'B/entry',
      target: { op: '<=', value: 16 },
      note,
    },
  ];
}
