/**
 * What the link marks know of link addresses, and the addresses still to ask
 * about, in batches of at most MAX_LINK_BATCH. A page with ever new links
 * cannot make it grow without end: past `limit` addresses it starts afresh.
 */
import { MAX_LINK_BATCH, type LinkMark, type LinkVerdicts } from '../../lib/messaging/protocol';

export class LinkVerdictCache {
  private readonly known = new Map<string, LinkMark | null>();
  private readonly pending = new Set<string>();

  constructor(private readonly limit = 10_000) {}

  /** The mark of a link (null: none), or undefined while it is not known; asks for it then. */
  lookup(link: string): LinkMark | null | undefined {
    if (this.known.has(link)) return this.known.get(link);
    if (this.pending.size < this.limit) this.pending.add(link);
    return undefined;
  }

  /** The mark of a link if known, without asking for it. */
  peek(link: string): LinkMark | null | undefined {
    return this.known.get(link);
  }

  get waiting(): boolean {
    return this.pending.size > 0;
  }

  /** The next batch to ask about; they stay pending until answered or given back. */
  nextBatch(): string[] {
    if (this.pending.size <= MAX_LINK_BATCH) {
      const all = [...this.pending];
      this.pending.clear();
      return all;
    }
    const batch: string[] = [];
    for (const link of this.pending) {
      batch.push(link);
      if (batch.length === MAX_LINK_BATCH) break;
    }
    for (const link of batch) this.pending.delete(link);
    return batch;
  }

  /** A batch that got no answer goes back to wait for the next one. */
  giveBack(batch: string[]): void {
    for (const link of batch) this.pending.add(link);
  }

  /** Forgets every known mark (the registry or the language changed); what is pending stays. */
  forget(): void {
    this.known.clear();
  }

  learn(batch: string[], marked: LinkVerdicts['marked']): void {
    if (this.known.size + batch.length > this.limit) this.known.clear();
    for (const link of batch) this.known.set(link, null);
    for (const { link, verdict, sentence, label } of marked)
      if (this.known.has(link)) this.known.set(link, { verdict, sentence, label });
  }
}
