/**
 * The link marks of one page of a search engine or web messenger: every link
 * whose real target is blocked, warned, a lookalike or licensed is followed by
 * one `<qorgan-mark>`; links added or changed later are marked as they come.
 * Changes are read in batches (MutationObserver, at most every OBSERVE_MS),
 * and the link addresses not yet known go to the background in few messages
 * (link-batches.ts).
 *
 * The page's side reads only each link's address: the background unwraps,
 * judges and words (background/link-verdicts.ts). Parsing a hundred addresses
 * here, several times each, was most of what the marks cost a results page.
 *
 * With `awaitSeed`, the first batch is not sent but handed over (`firstLinks`)
 * and answered by `seed`: the background reads the page's links through the
 * marker's own first scan, so the page reads them once, and sends no message.
 */
import { MAX_LINK_LENGTH } from '../../lib/links/link-target';
import type { LinkMark, LinkMarksSeed, LinkVerdicts } from '../../lib/messaging/protocol';
import { createLinkBatches } from './link-batches';
import { linkMarkMaker } from './link-mark';
import { MARK_TAG } from './link-styles';
import { LinkVerdictCache } from './link-verdict-cache';

export const OBSERVE_MS = 100;
/**
 * Web and Telegram links; `javascript:`, `data:`, `mailto:` and the like are never sent. A link's
 * `href` has its scheme in lower case; a prefix test spares a cold page compiling a regular
 * expression.
 */
const isSent = (href: string) =>
  href.startsWith('https:') || href.startsWith('http:') || href.startsWith('tg:');

export interface LinkMarkerDeps {
  doc: Document;
  win: Pick<Window, 'setTimeout'>;
  send(links: string[]): Promise<LinkVerdicts>;
  now(): number;
  /** Holds the first batch back until `seed` answers it. */
  awaitSeed?: boolean;
}

export interface LinkMarker {
  /** The mark of the link's current address when it is known and shown, else null. */
  markOf(anchor: HTMLAnchorElement): LinkMark | null;
  /** The last answer's settings (bypass, the question's words), once there is one. */
  readonly answer: LinkVerdicts | null;
  /** With `awaitSeed`: the links of the first scan, for the background to judge. */
  firstLinks(): string[];
  /**
   * With `awaitSeed`: the background's answer about `firstLinks`; marks them, then asks about the
   * rest. Null (the background could not judge them): asks about them all.
   */
  seed(seed: LinkMarksSeed | null): void;
  /**
   * Asks about every link again (the registry or the settings changed): each mark stays until its
   * new answer, which replaces it if its verdict or words changed, or removes it.
   */
  refresh(): void;
  stop(): void;
}

export function startLinkMarker(deps: LinkMarkerDeps): LinkMarker {
  const { doc, win } = deps;
  const cache = new LinkVerdictCache();
  const makeMark = linkMarkMaker(doc);
  const marks = new WeakMap<HTMLAnchorElement, HTMLElement>();
  let seen = new WeakMap<HTMLAnchorElement, string>();
  /** Links waiting for an answer, with the address each had when read. */
  let awaiting = new Map<HTMLAnchorElement, string>();
  let records: MutationRecord[] = [];
  let observeTimer: number | null = null;
  const batches = createLinkBatches(
    {
      cache,
      win,
      send: (links) => deps.send(links),
      now: () => deps.now(),
      answered: () => considerAwaiting(),
    },
    deps.awaitSeed !== true,
  );

  const apply = (anchor: HTMLAnchorElement, wanted: LinkMark | null): void => {
    const existing = marks.get(anchor);
    const unchanged =
      existing?.isConnected === true &&
      anchor.nextSibling === existing &&
      existing.getAttribute('data-verdict') === wanted?.verdict &&
      existing.getAttribute('aria-label') === wanted.label;
    if (unchanged) return;
    existing?.remove();
    marks.delete(anchor);
    if (!wanted || !anchor.isConnected) return;
    const mark = makeMark(wanted);
    anchor.after(mark);
    marks.set(anchor, mark);
  };

  const consider = (anchor: HTMLAnchorElement): void => {
    const href = anchor.href;
    const mark = marks.get(anchor);
    if (seen.get(anchor) === href && (!mark || (mark.isConnected && anchor.nextSibling === mark))) return;
    seen.set(anchor, href);
    if (href.length > MAX_LINK_LENGTH || !isSent(href)) return apply(anchor, null);
    const known = cache.lookup(href);
    if (known === undefined) {
      awaiting.set(anchor, href);
      batches.schedule();
    } else apply(anchor, known);
  };

  const scan = (root: ParentNode): void => {
    if (root instanceof HTMLAnchorElement) consider(root);
    for (const anchor of Array.from(root.querySelectorAll<HTMLAnchorElement>('a[href]'))) consider(anchor);
  };

  function considerAwaiting(): void {
    const waiting = awaiting;
    awaiting = new Map();
    // Each link by the address read before, unless it was read again since (rewritten, it is in the
    // observer's records, and read again with them).
    for (const [anchor, href] of waiting) {
      if (!anchor.isConnected || seen.get(anchor) !== href) continue;
      const known = cache.peek(href);
      if (known === undefined) {
        seen.delete(anchor);
        consider(anchor);
      } else if (known || marks.has(anchor)) apply(anchor, known);
    }
    batches.schedule();
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
    markOf(anchor) {
      if (!marks.get(anchor)?.isConnected) return null;
      return cache.peek(anchor.href) ?? null;
    },
    get answer() {
      return batches.answer;
    },
    firstLinks: () => (batches.opened ? [] : cache.nextBatch()),
    seed(seed) {
      if (batches.opened) return;
      batches.open(seed?.answer ?? null);
      if (seed) cache.learn(seed.links, seed.answer.marked);
      considerAwaiting();
      // The seed comes in a task of its own, so every record now is of the marks just put in.
      observer.takeRecords();
    },
    refresh() {
      if (!batches.opened) return;
      cache.forget();
      seen = new WeakMap();
      scan(doc);
    },
    stop() {
      observer.disconnect();
    },
  };
}
