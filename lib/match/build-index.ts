import type { EntryStatus } from '../registry/types';
import {
  HAS_PATHS,
  HEADER_FIELD,
  HEADER_WORDS,
  INDEX_FORMAT,
  INDEX_MAGIC,
  MAX_ENTRIES,
  RECORD_HIGH,
  RECORD_LOW,
  RECORD_VALUE,
  RECORD_WORDS,
  NO_ENTRY,
  STATUS_CODES,
  STATUS_MASK,
  bucketBitsFor,
  indexByteLength,
  packValue,
  viewIndex,
  type CompactIndex,
} from './compact-index';
import { indexChecksum } from './index-checksum';
import { HOST_HIGH, HOST_LOW, PATH_HIGH, writeTargetKeys } from './target-keys';

export interface IndexableEntry {
  target: string;
  status: EntryStatus;
}

/**
 * Builds the hot-path index of registry entries. Each entry's ordinal is its
 * position in `entries`. Where two entries share a target the first is kept.
 */
export function buildIndex(entries: readonly IndexableEntry[]): CompactIndex {
  if (entries.length >= MAX_ENTRIES) throw new RangeError(`Too many entries to index: ${entries.length}`);
  const records = collectKeyRecords(entries);
  const bucketBits = bucketBitsFor(records.count);
  const order = sortRecords(records, bucketBits);
  return writeIndex(records, order, bucketBits, entries.length);
}

interface KeyRecords {
  count: number;
  highs: Uint32Array;
  lows: Uint32Array;
  values: Uint32Array;
  skipped: number;
}

/**
 * One record per entry, plus one per path target marking that its host has
 * paths. One pass over the entries: the arrays start with room for an eighth
 * more records than entries and grow if path targets need more, where a count
 * of the paths first was a second walk over every target of a sync.
 */
function collectKeyRecords(entries: readonly IndexableEntry[]): KeyRecords {
  let capacity = entries.length + (entries.length >>> 3) + 2;
  let highs = new Uint32Array(capacity);
  let lows = new Uint32Array(capacity);
  let values = new Uint32Array(capacity);
  const keys = new Uint32Array(4);
  let count = 0;
  let skipped = 0;
  for (let ordinal = 0; ordinal < entries.length; ordinal++) {
    const entry = entries[ordinal] as IndexableEntry;
    const statusCode = statusCodeOf(entry.status);
    const keyCount = statusCode < 0 ? 0 : writeTargetKeys(entry.target, keys);
    if (keyCount === 0) {
      skipped++;
      continue;
    }
    if (count + 2 > capacity) {
      capacity *= 2;
      highs = grown(highs, capacity);
      lows = grown(lows, capacity);
      values = grown(values, capacity);
    }
    // The entry's own key is its path key when it has one; its host then gets a key that only says so.
    const own = keyCount === 2 ? PATH_HIGH : HOST_HIGH;
    highs[count] = keys[own] ?? 0;
    lows[count] = keys[own + 1] ?? 0;
    values[count++] = packValue(ordinal, statusCode, false);
    if (keyCount === 2) {
      highs[count] = keys[HOST_HIGH] ?? 0;
      lows[count] = keys[HOST_LOW] ?? 0;
      values[count++] = packValue(ordinal, NO_ENTRY, true);
    }
  }
  return { count, highs, lows, values, skipped };
}

/** The status's code, or -1 for a status the index does not know; compared, not looked up by name. */
function statusCodeOf(status: string): number {
  if (status === 'licensed') return STATUS_CODES.licensed;
  if (status === 'blocked') return STATUS_CODES.blocked;
  if (status === 'warning') return STATUS_CODES.warning;
  return -1;
}

function grown(array: Uint32Array, capacity: number): Uint32Array<ArrayBuffer> {
  const larger = new Uint32Array(capacity);
  larger.set(array);
  return larger;
}

/**
 * Record positions sorted by key (high, then low), equal keys in input order:
 * a counting sort on the directory slot, then insertion sort within each slot,
 * which holds about eight keys.
 */
function sortRecords(records: KeyRecords, bucketBits: number): Uint32Array {
  const { count, highs, lows } = records;
  const shift = 32 - bucketBits;
  const starts = new Uint32Array(2 ** bucketBits + 1);
  for (let i = 0; i < count; i++) starts[((highs[i] ?? 0) >>> shift) + 1]!++;
  for (let s = 1; s < starts.length; s++) starts[s]! += starts[s - 1] ?? 0;
  const next = starts.slice(0, -1);
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[next[(highs[i] ?? 0) >>> shift]!++] = i;

  for (let s = 0; s + 1 < starts.length; s++) {
    const begin = starts[s] ?? 0;
    const end = starts[s + 1] ?? 0;
    for (let i = begin + 1; i < end; i++) {
      const record = order[i] ?? 0;
      const high = highs[record] ?? 0;
      const low = lows[record] ?? 0;
      let j = i - 1;
      while (j >= begin) {
        const other = order[j] ?? 0;
        const otherHigh = highs[other] ?? 0;
        if (otherHigh < high || (otherHigh === high && (lows[other] ?? 0) <= low)) break;
        order[j + 1] = other;
        j--;
      }
      order[j + 1] = record;
    }
  }
  return order;
}

/** Merges records of equal keys and lays the result out in its stored form. */
function writeIndex(
  records: KeyRecords,
  order: Uint32Array,
  bucketBits: number,
  entryCount: number,
): CompactIndex {
  const { highs, lows, values } = records;
  let keyCount = order.length > 0 ? 1 : 0;
  for (let i = 1; i < order.length; i++) {
    const record = order[i] ?? 0;
    const previous = order[i - 1] ?? 0;
    if (highs[previous] !== highs[record] || lows[previous] !== lows[record]) keyCount++;
  }

  const buffer = new ArrayBuffer(indexByteLength(keyCount, bucketBits));
  const header = new Uint32Array(buffer, 0, HEADER_WORDS);
  header[HEADER_FIELD.magic] = INDEX_MAGIC;
  header[HEADER_FIELD.format] = INDEX_FORMAT;
  header[HEADER_FIELD.entryCount] = entryCount;
  header[HEADER_FIELD.keyCount] = keyCount;
  header[HEADER_FIELD.bucketBits] = bucketBits;
  header[HEADER_FIELD.skippedCount] = records.skipped;
  const index = viewIndex(buffer);

  const out = index.records;
  let duplicates = 0;
  let offset = -RECORD_WORDS;
  for (let i = 0; i < order.length; i++) {
    const record = order[i] ?? 0;
    const high = highs[record] ?? 0;
    const low = lows[record] ?? 0;
    const value = values[record] ?? 0;
    if (offset < 0 || out[offset + RECORD_HIGH] !== high || out[offset + RECORD_LOW] !== low) {
      offset += RECORD_WORDS;
      out[offset + RECORD_HIGH] = high;
      out[offset + RECORD_LOW] = low;
      out[offset + RECORD_VALUE] = value;
      continue;
    }
    const kept = out[offset + RECORD_VALUE] ?? 0;
    const keptHasEntry = (kept & STATUS_MASK) !== NO_ENTRY;
    const hasEntry = (value & STATUS_MASK) !== NO_ENTRY;
    if (keptHasEntry && hasEntry) duplicates++;
    const merged = keptHasEntry || !hasEntry ? kept : value;
    out[offset + RECORD_VALUE] = merged | ((kept | value) & HAS_PATHS);
  }

  const shift = 32 - bucketBits;
  for (let r = 0; r < keyCount; r++)
    index.buckets[((out[r * RECORD_WORDS + RECORD_HIGH] ?? 0) >>> shift) + 1]!++;
  for (let s = 1; s < index.buckets.length; s++) index.buckets[s]! += index.buckets[s - 1] ?? 0;

  header[HEADER_FIELD.duplicateCount] = duplicates;
  header[HEADER_FIELD.checksum] = indexChecksum(buffer);
  return { ...index, duplicateCount: duplicates };
}
