import { HEADER_FIELD, HEADER_WORDS, RECORD_WORDS, indexByteLength } from './compact-index';
import { shardBitsFor, shardSlots } from './index-shards';
import { IndexFormatError } from './serialize-index';

/**
 * Puts a stored index back together from its head and shards (index-shards.ts).
 * The buffer has the full index's size from the start; a shard not yet placed
 * leaves its directory slots at zero, which reads as "no key", so a caller
 * matches only hosts whose keys all fall in placed shards (probe-shards.ts).
 * Throws IndexFormatError on a head or shard of another format or size.
 */
export class IndexAssembly {
  readonly buffer: ArrayBuffer;
  readonly shardBits: number;
  private readonly words: Uint32Array;
  private readonly bucketBits: number;
  private readonly keyCount: number;
  private readonly placed: Uint8Array;
  private placedCount = 0;

  constructor(head: ArrayBuffer) {
    if (head.byteLength !== HEADER_WORDS * 4) throw new IndexFormatError('Index head has another size');
    const header = new Uint32Array(head);
    this.keyCount = header[HEADER_FIELD.keyCount] ?? 0;
    this.bucketBits = header[HEADER_FIELD.bucketBits] ?? 0;
    if (this.bucketBits < 1 || this.bucketBits > 24) throw new IndexFormatError('Index head is damaged');
    this.shardBits = shardBitsFor(this.bucketBits);
    this.buffer = new ArrayBuffer(indexByteLength(this.keyCount, this.bucketBits));
    this.words = new Uint32Array(this.buffer);
    this.words.set(header);
    this.placed = new Uint8Array(this.shardCount);
  }

  get isWhole(): boolean {
    return this.placedCount === this.shardCount;
  }

  has(shard: number): boolean {
    return this.placed[shard] === 1;
  }

  /** Whether `head` is this index's own: a head of another index means another registry was stored. */
  isHead(head: ArrayBuffer): boolean {
    const words = new Uint32Array(head);
    return words.length === HEADER_WORDS && words.every((word, at) => word === this.words[at]);
  }

  get shardCount(): number {
    return 2 ** this.shardBits;
  }

  place(shard: number, stored: ArrayBuffer): void {
    const { first, last } = shardSlots(shard, this.bucketBits);
    const slots = last - first + 1;
    if (shard >= this.shardCount || stored.byteLength % 4 !== 0 || stored.byteLength < slots * 4) {
      throw new IndexFormatError(`Index shard ${shard} is damaged`);
    }
    const part = new Uint32Array(stored);
    const from = part[0] ?? 0;
    const to = part[slots - 1] ?? 0;
    if (to < from || to > this.keyCount || part.length !== slots + (to - from) * RECORD_WORDS) {
      throw new IndexFormatError(`Index shard ${shard} does not fit its head`);
    }
    const directory = HEADER_WORDS;
    this.words.set(part.subarray(0, slots), directory + first);
    this.words.set(part.subarray(slots), directory + 2 ** this.bucketBits + 1 + from * RECORD_WORDS);
    if (this.placed[shard] !== 1) this.placedCount++;
    this.placed[shard] = 1;
  }
}
