import { RECORD_HIGH, RECORD_LOW, RECORD_WORDS, type CompactIndex } from './compact-index';

/** Word offset of the record with key (high, low) in `index.records`, or -1. */
export function findKey(index: CompactIndex, high: number, low: number): number {
  const { buckets, records } = index;
  const bucket = high >>> index.bucketShift;
  const end = (buckets[bucket + 1] ?? 0) * RECORD_WORDS;
  for (let offset = (buckets[bucket] ?? 0) * RECORD_WORDS; offset < end; offset += RECORD_WORDS) {
    const recordHigh = records[offset + RECORD_HIGH] ?? 0;
    if (recordHigh < high) continue;
    if (recordHigh > high) return -1;
    const recordLow = records[offset + RECORD_LOW] ?? 0;
    if (recordLow === low) return offset;
    if (recordLow > low) return -1;
  }
  return -1;
}
