/**
 * The link marks of one page of a search engine or web messenger: every link
 * whose real target is blocked, warned, a lookalike or licensed is followed by
 * one `<qorgan-mark>`; links added or changed later are marked as they come.
 * Changes are read in batches (MutationObserver, at most every OBSERVE_MS),
 * and the link addresses not yet known go to the background in one message
 * per burst, at most one every MESSAGE_GAP_MS and one at a time, so a page
 * that rewrites its links without pause sends few messages.
 *
 * The page's side reads only each link's address: the background unwraps,
 * judges and words (background/link-verdicts.ts). Parsing a hundred addresses
 * here, several times each, was most of what the marks cost a results page.
 */
import { MAX_LINK_LENGTH } from '../../lib/links/link-target';
import type { LinkMark, LinkMarksSeed, LinkVerdicts } from '../../lib/messaging/protocol';
import { createLinkMark } from './link-mark';
import { MARK_TAG } from './link-styles';
import { LinkVerdictCache } from './link-verdict-cache';

export const OBSERVE_MS = 100;
export const MESSAGE_GAP_MS = 250;
/** Web and Telegram links; `javascript:`, `data:`, `mailto:` and the like are never sent. */
const SENT_SCHEMES = /^(?:https?|tg):/i;

export interface LinkMarkerDeps {
  doc: Document;
  win: Pick<Window, 'setTimeout'>;
  send(links: string[]): Promise<LinkVerdicts>;
  now(): number;
  /** The marks of the links the page had when it loaded, when the background judged them first. */
  seed?: LinkMarksSeed;
}

export interface LinkMarker {
  /** The mark of the link's current address when it is known and shown, else null. */
  markOf(anchor: HTMLAnchorElement): LinkMark | null;
  /** The last answer's settings (bypass, the question's words), once there is one. */
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

  const apply = (anchor: HTMLAnchorElement, wanted: LinkMark | null): void => {
    const existing = marks.get(anchor);
    if (existing && wanted && existing.isConnected && anchor.nextSibling === existing) {
      if (existing.getAttribute('data-verdict') === wanted.verdict) return;
    }
    existing?.remove();
    marks.delete(anchor);
    if (!wanted || !anchor.isConnected) return;
    const mark = createLinkMark(doc, wanted);
    anchor.after(mark);
    marks.set(anchor, mark);
  };

  const consider = (anchor: HTMLAnchorElement): void => {
    const href = anchor.href;
    const mark = marks.get(anchor);
    if (seen.get(anchor) === href && (!mark || (mark.isConnected && anchor.nextSibling === mark))) return;
    seen.set(anchor, href);
    if (href.length > MAX_LINK_LENGTH || !SENT_SCHEMES.test(href)) return apply(anchor, null);
    const known = cache.lookup(href);
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
  if (deps.seed) {
    answer = deps.seed.answer;
    cache.learn(deps.seed.links, deps.seed.answer.marked);
  }
  observer.observe(doc.documentElement, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['href'],
  });
  scan(doc);

  return {
    markOf(anchor) {
      if (!marks.get(anchor)?.isConnected) return null;
      return cache.peek(anchor.href) ?? null;
    },
    get answer() {
      return answer;
    },
    stop() {
      observer.disconnect();
    },
  };
}
