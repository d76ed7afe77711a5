import {
  HEADER_FIELD,
  HEADER_WORDS,
  INDEX_FORMAT,
  INDEX_MAGIC,
  indexByteLength,
  viewIndex,
  type CompactIndex,
} from './compact-index';
import { indexChecksum } from './index-checksum';

/** A stored index that cannot be used: the store should rebuild it or fall back to the bundled registry. */
export class IndexFormatError extends Error {
  override readonly name = 'IndexFormatError';
}

/**
 * The index as one binary record. The index already lives in a single buffer
 * in this layout, so this is one copy (the copy keeps the live index safe if
 * the caller transfers the result).
 */
export function serializeIndex(index: CompactIndex): ArrayBuffer {
  return index.buffer.slice(0);
}

export interface DeserializeOptions {
  /** Check the record's checksum (a few milliseconds at a million entries). Default true. */
  verifyChecksum?: boolean;
}

/**
 * An index over a stored record, without copying: typed-array views into
 * `buffer`, which must not be modified afterwards. Throws IndexFormatError on
 * a record of another format, truncated, or damaged.
 */
export function deserializeIndex(buffer: ArrayBuffer, options: DeserializeOptions = {}): CompactIndex {
  if (buffer.byteLength < HEADER_WORDS * 4 || buffer.byteLength % 4 !== 0) {
    throw new IndexFormatError(`Index record has an impossible length: ${buffer.byteLength}`);
  }
  const header = new Uint32Array(buffer, 0, HEADER_WORDS);
  if (header[HEADER_FIELD.magic] !== INDEX_MAGIC) throw new IndexFormatError('Not an index record');
  if (header[HEADER_FIELD.format] !== INDEX_FORMAT) {
    throw new IndexFormatError(`Index format ${header[HEADER_FIELD.format]} is not ${INDEX_FORMAT}`);
  }
  const keyCount = header[HEADER_FIELD.keyCount] ?? 0;
  const bucketBits = header[HEADER_FIELD.bucketBits] ?? 0;
  if (bucketBits < 1 || bucketBits > 24 || buffer.byteLength !== indexByteLength(keyCount, bucketBits)) {
    throw new IndexFormatError('Index record is truncated or its header is damaged');
  }
  if ((options.verifyChecksum ?? true) && indexChecksum(buffer) !== header[HEADER_FIELD.checksum]) {
    throw new IndexFormatError('Index record is damaged (checksum mismatch)');
  }
  return viewIndex(buffer);
}
