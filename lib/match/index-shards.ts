import { HEADER_FIELD, HEADER_WORDS, RECORD_WORDS } from './compact-index';

/**
 * The stored form of the hot index: a head (the index's header) and shards,
 * each holding the keys of one 8-bit prefix of their high half with the
 * slice of the directory that points at them. A first verdict after a cold
 * start reads the head and the few shards its host's keys fall in (about
 * 5 kB each at 100,000 entries) instead of the whole index, and every shard
 * stays under the size at which a browser stores a value as a separate file.
 * Copied back into place, the shards give the index's buffer byte for byte.
 */
export const SHARD_BITS = 8;

/** The shard bits an index with this directory size is split by: 0 (one shard) for a tiny index. */
export function shardBitsFor(bucketBits: number): number {
  return bucketBits >= SHARD_BITS ? SHARD_BITS : 0;
}

export function shardOfKey(high: number, shardBits: number): number {
  return shardBits === 0 ? 0 : high >>> (32 - shardBits);
}

/** Directory slots [first, last] a shard covers: its own and the next one, which bounds its last. */
export function shardSlots(shard: number, bucketBits: number): { first: number; last: number } {
  const perShard = 2 ** (bucketBits - shardBitsFor(bucketBits));
  return { first: shard * perShard, last: (shard + 1) * perShard };
}

export interface IndexShards {
  head: ArrayBuffer;
  shards: ArrayBuffer[];
}

/** Splits a serialized index (see serialize-index.ts) into its stored head and shards. */
export function splitIndex(buffer: ArrayBuffer): IndexShards {
  const words = new Uint32Array(buffer);
  const bucketBits = words[HEADER_FIELD.bucketBits] ?? 1;
  const directory = HEADER_WORDS;
  const records = directory + 2 ** bucketBits + 1;
  const shards: ArrayBuffer[] = [];
  for (let shard = 0; shard < 2 ** shardBitsFor(bucketBits); shard++) {
    const { first, last } = shardSlots(shard, bucketBits);
    const from = words[directory + first] ?? 0;
    const to = words[directory + last] ?? 0;
    const slots = last - first + 1;
    const part = new Uint32Array(slots + (to - from) * RECORD_WORDS);
    part.set(words.subarray(directory + first, directory + last + 1));
    part.set(words.subarray(records + from * RECORD_WORDS, records + to * RECORD_WORDS), slots);
    shards.push(part.buffer);
  }
  return { head: buffer.slice(0, HEADER_WORDS * 4), shards };
}
