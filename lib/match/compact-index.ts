import type { EntryStatus } from '../registry/types';

/**
 * The hot-path index: sorted 64-bit target keys, each stored as three
 * consecutive 32-bit words (high half, low half, packed value) so that one
 * probe touches one cache line, plus a directory of where each range of
 * high-half prefixes starts. All in one ArrayBuffer, which is also the stored
 * form: about 12.5 bytes per key and no per-entry objects.
 *
 * A packed value holds the entry's status (2 bits), whether path targets exist
 * under this host (1 bit) and the entry's ordinal in the payload (29 bits). A
 * host that only has path targets gets a key with status `NO_ENTRY`.
 */
export interface CompactIndex {
  readonly buffer: ArrayBuffer;
  /** Number of entries given to the build; ordinals are below this. */
  readonly entryCount: number;
  /** Entries left out: empty target or unknown status. */
  readonly skippedCount: number;
  /** Entries whose target repeats an earlier one (the earlier one is kept). */
  readonly duplicateCount: number;
  readonly keyCount: number;
  /** `high >>> bucketShift` is the directory slot of a key. */
  readonly bucketShift: number;
  /** Directory: the keys whose high half has prefix p are records [buckets[p], buckets[p + 1]). */
  readonly buckets: Uint32Array;
  /** Record r is words [3r, 3r + 3): key high half, key low half, packed value. */
  readonly records: Uint32Array;
}

export const RECORD_WORDS = 3;
export const RECORD_HIGH = 0;
export const RECORD_LOW = 1;
export const RECORD_VALUE = 2;

export const STATUS_CODES: Readonly<Record<EntryStatus, number>> = { licensed: 0, blocked: 1, warning: 2 };
export const STATUS_BY_CODE: readonly EntryStatus[] = ['licensed', 'blocked', 'warning'];
export const NO_ENTRY = 3;
export const STATUS_MASK = 0b11;
export const HAS_PATHS = 0b100;
export const ORDINAL_SHIFT = 3;
export const MAX_ENTRIES = 2 ** (32 - ORDINAL_SHIFT);

export function packValue(ordinal: number, statusCode: number, hasPaths: boolean): number {
  return ordinal * 2 ** ORDINAL_SHIFT + (hasPaths ? HAS_PATHS : 0) + statusCode;
}

export function ordinalOf(value: number): number {
  return value >>> ORDINAL_SHIFT;
}

/** Words before the directory: magic, format, entryCount, keyCount, bucketBits, checksum, skipped, duplicates. */
export const HEADER_WORDS = 8;
export const INDEX_MAGIC = 0x31584951; // "QIX1" little-endian
export const INDEX_FORMAT = 1;

export const HEADER_FIELD = {
  magic: 0,
  format: 1,
  entryCount: 2,
  keyCount: 3,
  bucketBits: 4,
  checksum: 5,
  skippedCount: 6,
  duplicateCount: 7,
} as const;

/** Directory size: about eight keys per slot keeps the scan short for half a byte per key. */
export function bucketBitsFor(keyCount: number): number {
  return Math.max(1, Math.min(24, Math.ceil(Math.log2(Math.max(keyCount, 2))) - 3));
}

/** Lays the typed-array views over a buffer holding a header and `keyCount` keys. */
export function viewIndex(buffer: ArrayBuffer): CompactIndex {
  const header = new Uint32Array(buffer, 0, HEADER_WORDS);
  const keyCount = header[HEADER_FIELD.keyCount] ?? 0;
  const bucketBits = header[HEADER_FIELD.bucketBits] ?? 1;
  const bucketWords = 2 ** bucketBits + 1;
  let offset = HEADER_WORDS * 4;
  const buckets = new Uint32Array(buffer, offset, bucketWords);
  offset += bucketWords * 4;
  const records = new Uint32Array(buffer, offset, keyCount * RECORD_WORDS);
  return {
    buffer,
    entryCount: header[HEADER_FIELD.entryCount] ?? 0,
    skippedCount: header[HEADER_FIELD.skippedCount] ?? 0,
    duplicateCount: header[HEADER_FIELD.duplicateCount] ?? 0,
    keyCount,
    bucketShift: 32 - bucketBits,
    buckets,
    records,
  };
}

/** Byte length of an index buffer with these dimensions. */
export function indexByteLength(keyCount: number, bucketBits: number): number {
  return (HEADER_WORDS + 2 ** bucketBits + 1 + RECORD_WORDS * keyCount) * 4;
}
