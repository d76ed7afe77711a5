/**
 * What the link marks know of link targets, and the targets still to ask
 * about, in batches of at most MAX_LINK_BATCH. A page with ever new links
 * cannot make it grow without end: past `limit` targets it starts afresh.
 */
import { MAX_LINK_BATCH } from '../../lib/messaging/protocol';
import type { VerdictResult } from '../../lib/verdict/types';

export class LinkVerdictCache {
  private readonly known = new Map<string, VerdictResult | null>();
  private readonly pending = new Set<string>();

  constructor(private readonly limit = 10_000) {}

  /** The verdict of a target (null: nothing to mark), or undefined while it is not known; asks for it then. */
  lookup(target: string): VerdictResult | null | undefined {
    if (this.known.has(target)) return this.known.get(target);
    if (this.pending.size < this.limit) this.pending.add(target);
    return undefined;
  }

  /** The verdict of a target if known, without asking for it. */
  peek(target: string): VerdictResult | null | undefined {
    return this.known.get(target);
  }

  get waiting(): boolean {
    return this.pending.size > 0;
  }

  /** The next batch to ask about; they stay pending until answered or given back. */
  nextBatch(): string[] {
    const batch: string[] = [];
    for (const target of this.pending) {
      batch.push(target);
      if (batch.length === MAX_LINK_BATCH) break;
    }
    for (const target of batch) this.pending.delete(target);
    return batch;
  }

  /** A batch that got no answer goes back to wait for the next one. */
  giveBack(batch: string[]): void {
    for (const target of batch) this.pending.add(target);
  }

  learn(batch: string[], marked: { target: string; result: VerdictResult }[]): void {
    if (this.known.size + batch.length > this.limit) this.known.clear();
    for (const target of batch) this.known.set(target, null);
    for (const { target, result } of marked) if (this.known.has(target)) this.known.set(target, result);
  }
}
