/**
 * An installed index kept in the store as shards (lib/match/index-shards.ts)
 * and placed in memory as verdicts need them: a worker woken for one verdict
 * reads a few kilobytes of the index, not all of it.
 */
import { IndexAssembly } from '../match/assemble-index';
import { viewIndex, type CompactIndex } from '../match/compact-index';
import { shardsToProbe } from '../match/probe-shards';
import type { InstalledPart } from '../store/registry-store';

export class StoredShards {
  readonly index: CompactIndex;

  private constructor(private readonly assembly: IndexAssembly) {
    this.index = viewIndex(assembly.buffer);
  }

  /** The index of a stored part, with the shards read with it placed; throws IndexFormatError when damaged. */
  static from(part: InstalledPart): StoredShards {
    const assembly = new IndexAssembly(part.head);
    for (const [shard, stored] of part.shards) {
      if (shard < assembly.shardCount) assembly.place(shard, stored);
    }
    return new StoredShards(assembly);
  }

  /** The shards a match of `host` and `path` may probe that are not placed yet. */
  missing(host: string, path: string): number[] {
    if (this.assembly.isWhole) return [];
    return [...shardsToProbe(host, path, this.assembly.shardBits)].filter(
      (shard) => !this.assembly.has(shard),
    );
  }

  /**
   * Places the shards read in `part`: `other-index` when it holds another index's head (another
   * registry was stored meanwhile), `damaged` when one of `wanted` is missing or does not fit.
   */
  place(part: InstalledPart, wanted: readonly number[]): 'placed' | 'other-index' | 'damaged' {
    if (!this.assembly.isHead(part.head)) return 'other-index';
    try {
      for (const shard of wanted) {
        const stored = part.shards.get(shard);
        if (!stored) return 'damaged';
        this.assembly.place(shard, stored);
      }
      return 'placed';
    } catch {
      return 'damaged';
    }
  }
}
