/**
 * The link marks of one page of a search engine or web messenger: every link
 * whose real target is blocked, warned, a lookalike or licensed is followed by
 * one `<qorgan-mark>`; links added or changed later are marked as they come.
 * Changes are read in batches (MutationObserver, at most every OBSERVE_MS),
 * and the targets not yet known go to the background in one message per
 * burst, at most one every MESSAGE_GAP_MS and one at a time, so a page that
 * rewrites its links without pause sends few messages.
 */
import { linkTarget } from '../../lib/links/link-target';
import { onPageHost } from '../../lib/links/wrapper-host-test';
import type { LinkVerdicts } from '../../lib/messaging/protocol';
import type { VerdictResult } from '../../lib/verdict/types';
import { createLinkMark } from './link-mark';
import { MARK_TAG } from './link-styles';
import { LinkVerdictCache } from './link-verdict-cache';

export const OBSERVE_MS = 100;
export const MESSAGE_GAP_MS = 250;
const MARKED: ReadonlySet<string> = new Set(['licensed', 'blocked', 'warning', 'lookalike']);

export interface LinkMarkerDeps {
  doc: Document;
  win: Pick<Window, 'setTimeout' | 'location'>;
  send(targets: string[]): Promise<LinkVerdicts>;
  /** The verdict's plain sentence, and the mark's accessible label, in the user's language. */
  describe(result: VerdictResult, answer: LinkVerdicts): { sentence: string; label: string };
  now(): number;
}

export interface LinkMarker {
  /** The verdict of the link's target when it is known and marked, else null. */
  verdictOf(anchor: HTMLAnchorElement): VerdictResult | null;
  /** The last answer's settings (bypass, language), once there is one. */
  readonly answer: LinkVerdicts | null;
  stop(): void;
}

export function startLinkMarker(deps: LinkMarkerDeps): LinkMarker {
  const { doc, win } = deps;
  const cache = new LinkVerdictCache();
  const marks = new WeakMap<HTMLAnchorElement, HTMLElement>();
  const seen = new WeakMap<HTMLAnchorElement, string>();
  let awaiting = new Set<HTMLAnchorElement>();
  let records: MutationRecord[] = [];
  let observeTimer: number | null = null;
  let sendTimer: number | null = null;
  let inFlight = false;
  let nextSendAt = 0;
  let answer: LinkVerdicts | null = null;
  const pageHost = win.location.hostname;
  const isWrapperHost = onPageHost(pageHost);

  const targetOf = (anchor: HTMLAnchorElement): string | null => {
    const target = linkTarget(anchor.href, isWrapperHost);
    return target === null || new URL(target).hostname === pageHost ? null : target;
  };

  const apply = (anchor: HTMLAnchorElement, result: VerdictResult | null): void => {
    const existing = marks.get(anchor);
    const verdict = result && MARKED.has(result.verdict) ? result.verdict : null;
    if (existing && verdict && existing.isConnected && anchor.nextSibling === existing) {
      if (existing.getAttribute('data-verdict') === verdict) return;
    }
    existing?.remove();
    marks.delete(anchor);
    if (!result || !verdict || !answer || !anchor.isConnected) return;
    const { sentence, label } = deps.describe(result, answer);
    const mark = createLinkMark(doc, verdict, sentence, label);
    anchor.after(mark);
    marks.set(anchor, mark);
  };

  const consider = (anchor: HTMLAnchorElement): void => {
    const href = anchor.href;
    const mark = marks.get(anchor);
    if (seen.get(anchor) === href && (!mark || (mark.isConnected && anchor.nextSibling === mark))) return;
    seen.set(anchor, href);
    const target = targetOf(anchor);
    if (target === null) return apply(anchor, null);
    const known = cache.lookup(target);
    if (known === undefined) {
      awaiting.add(anchor);
      scheduleSend();
    } else apply(anchor, known);
  };

  const scan = (root: ParentNode): void => {
    if (root instanceof HTMLAnchorElement) consider(root);
    for (const anchor of Array.from(root.querySelectorAll<HTMLAnchorElement>('a[href]'))) consider(anchor);
  };

  const send = async (): Promise<void> => {
    sendTimer = null;
    const batch = cache.nextBatch();
    if (batch.length === 0) return;
    inFlight = true;
    nextSendAt = deps.now() + MESSAGE_GAP_MS;
    try {
      const reply = await deps.send(batch);
      if (reply.retryAfterMs !== undefined) {
        cache.giveBack(batch);
        nextSendAt = deps.now() + Math.max(reply.retryAfterMs, MESSAGE_GAP_MS);
      } else {
        answer = reply;
        cache.learn(batch, reply.marked);
      }
    } catch {
      // The background is gone (the extension was reloaded): this page's marks stay as they are.
      return;
    } finally {
      inFlight = false;
    }
    const waiting = awaiting;
    awaiting = new Set();
    for (const anchor of waiting) {
      seen.delete(anchor);
      if (anchor.isConnected) consider(anchor);
    }
    scheduleSend();
  };

  function scheduleSend(): void {
    if (sendTimer !== null || inFlight || !cache.waiting) return;
    sendTimer = win.setTimeout(() => void send(), Math.max(0, nextSendAt - deps.now()));
  }

  const readRecords = (): void => {
    observeTimer = null;
    const batch = records;
    records = [];
    for (const record of batch) {
      if (record.type === 'attributes') {
        if (record.target instanceof HTMLAnchorElement) consider(record.target);
        continue;
      }
      for (const node of Array.from(record.addedNodes)) {
        if (node instanceof Element && node.localName !== MARK_TAG) scan(node);
      }
      // A page that moved our mark away from its link, or removed it, gets it back.
      for (const node of Array.from(record.removedNodes)) {
        if (node instanceof Element && node.localName === MARK_TAG) {
          const prev = record.previousSibling;
          if (prev instanceof HTMLAnchorElement && prev.isConnected) consider(prev);
        }
      }
    }
  };

  const observer = new MutationObserver((list) => {
    records.push(...list);
    observeTimer ??= win.setTimeout(readRecords, OBSERVE_MS);
  });
  observer.observe(doc.documentElement, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['href'],
  });
  scan(doc);

  return {
    verdictOf(anchor) {
      const mark = marks.get(anchor);
      if (!mark?.isConnected) return null;
      const target = targetOf(anchor);
      const known = target === null ? undefined : cache.peek(target);
      return known ?? null;
    },
    get answer() {
      return answer;
    },
    stop() {
      observer.disconnect();
    },
  };
}
