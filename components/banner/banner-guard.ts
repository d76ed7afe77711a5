/**
 * Keeps the page honest about the banner: exactly one `<qorgan-banner>` in the
 * document, ours, or none. A page that removes, moves, restyles or relabels our
 * element gets it put back; elements it forges under the same name are removed.
 *
 * The document is watched from DOMContentLoaded or from the first `show()`,
 * whichever comes first: while the parser builds a page nothing is shown to
 * defend, and one sweep when parsing ends removes whatever the markup forged.
 */
export const BANNER_TAG = 'qorgan-banner';

/**
 * Dispatched on the document just before our element is shown: the sweep in the page's main world
 * (banner-sweep.ts), which removes every `<qorgan-banner>`, stands down for this guard.
 */
export const OWN_BANNER_EVENT = 'qorgan-own-banner';

/** Attributes our host element may carry (and the verdict's signals); anything else the page adds is removed (`hidden`, `inert`, …). */
const OWN_ATTRIBUTES: ReadonlySet<string> = new Set(['data-verdict', 'style']);

/** A page that fights back gets at most this many repairs a second; then repairs are spaced out. */
const REPAIRS_PER_SECOND = 60;
const BACKOFF_MS = 250;

const ELEMENT_NODE = 1;

export interface BannerGuardOptions {
  doc: Document;
  /** The inline style the host element must carry (every declaration `!important`). */
  hostStyle: string;
  now?: () => number;
  setTimer?: (callback: () => void, ms: number) => void;
}

export class BannerGuard {
  private readonly doc: Document;
  private readonly hostStyle: string;
  private readonly now: () => number;
  private readonly setTimer: (callback: () => void, ms: number) => void;
  private readonly documentObserver: MutationObserver;
  private readonly hostObserver: MutationObserver;
  /** Every `<qorgan-banner>` in the document, kept current by the browser. */
  private readonly banners: HTMLCollectionOf<Element>;
  private readonly onDocumentReady = () => this.watch();
  private own: HTMLElement | null = null;
  private verdict = '';
  private signals: Readonly<Record<string, string>> = {};
  private running = false;
  private watching = false;
  private windowStart = 0;
  private repairsInWindow = 0;
  private repairPending = false;

  constructor(options: BannerGuardOptions) {
    this.doc = options.doc;
    this.hostStyle = options.hostStyle;
    this.now = options.now ?? (() => Date.now());
    this.setTimer = options.setTimer ?? ((callback, ms) => void setTimeout(callback, ms));
    this.documentObserver = new MutationObserver((records) => this.onDocumentMutations(records));
    this.hostObserver = new MutationObserver(() => this.repair());
    this.banners = this.doc.getElementsByTagName(BANNER_TAG);
  }

  /** The element we show, if any. */
  get element(): HTMLElement | null {
    return this.own;
  }

  /**
   * Arms the guard. A parsed document is watched, and swept of forged banners, at once; one
   * still loading from DOMContentLoaded on, or from the first `show()` if that comes sooner.
   */
  start(): void {
    if (this.running) return;
    this.running = true;
    if (this.doc.readyState === 'loading') {
      // On the window, in the capture phase, and before any page script: the page cannot stop it reaching us.
      this.readyTarget().addEventListener('DOMContentLoaded', this.onDocumentReady, {
        capture: true,
        once: true,
      });
    } else {
      this.watch();
    }
  }

  stop(): void {
    this.running = false;
    this.watching = false;
    this.readyTarget().removeEventListener('DOMContentLoaded', this.onDocumentReady, { capture: true });
    this.documentObserver.disconnect();
    this.hostObserver.disconnect();
  }

  /** Shows `host` (our element, with its shadow root already attached) for `verdict`, with its other signals. */
  show(host: HTMLElement, verdict: string, signals: Readonly<Record<string, string>> = {}): void {
    this.doc.dispatchEvent(new Event(OWN_BANNER_EVENT));
    if (this.own !== host) {
      this.hostObserver.disconnect();
      this.own = host;
      this.hostObserver.observe(host, { attributes: true });
    }
    this.verdict = verdict;
    this.signals = signals;
    this.assertAttributes(host);
    this.place(host);
    this.watch();
    this.sweep();
  }

  /** Takes our element out of the document and stops defending it. */
  hide(): void {
    const own = this.own;
    if (own === null) return;
    this.own = null;
    this.hostObserver.disconnect();
    own.remove();
  }

  /** Removes every `<qorgan-banner>` that is not ours. */
  sweep(): void {
    // The collection is live: walk it backwards so removals do not skip an element.
    for (let i = this.banners.length - 1; i >= 0; i--) {
      const element = this.banners[i];
      if (element !== undefined && element !== this.own) element.remove();
    }
  }

  private readyTarget(): EventTarget {
    return this.doc.defaultView ?? this.doc;
  }

  private watch(): void {
    if (!this.running || this.watching) return;
    this.watching = true;
    this.readyTarget().removeEventListener('DOMContentLoaded', this.onDocumentReady, { capture: true });
    this.documentObserver.observe(this.doc, { childList: true, subtree: true });
    this.sweep();
  }

  private onDocumentMutations(records: MutationRecord[]): void {
    if (!this.running) return;
    let subtreeAdded = false;
    for (const record of records) {
      const added = record.addedNodes;
      for (let i = 0; i < added.length; i++) {
        const node = added[i];
        if (node === undefined || node.nodeType !== ELEMENT_NODE) continue;
        const element = node as Element;
        if (element.localName === BANNER_TAG) {
          if (element !== this.own) element.remove();
        } else if (element.firstElementChild !== null) {
          subtreeAdded = true;
        }
      }
    }
    // A forged banner nested in added markup shows as one element too many in the live collection.
    if (subtreeAdded && this.banners.length > (this.own?.isConnected ? 1 : 0)) this.sweep();
    const own = this.own;
    if (own && !this.isPlaced(own)) this.repair();
  }

  /** The last element child of `<html>`: nothing the page appends later can paint over it at equal z-index. */
  private isPlaced(own: HTMLElement): boolean {
    const root = this.doc.documentElement;
    return root === null || (own.parentNode === root && root.lastElementChild === own);
  }

  private place(own: HTMLElement): void {
    const root = this.doc.documentElement;
    if (root && !this.isPlaced(own)) root.append(own);
  }

  private assertAttributes(own: HTMLElement): void {
    for (const name of own.getAttributeNames()) {
      if (!OWN_ATTRIBUTES.has(name) && !Object.hasOwn(this.signals, name)) own.removeAttribute(name);
    }
    for (const [name, value] of Object.entries(this.signals)) {
      if (own.getAttribute(name) !== value) own.setAttribute(name, value);
    }
    if (own.getAttribute('data-verdict') !== this.verdict) own.setAttribute('data-verdict', this.verdict);
    if (own.getAttribute('style') !== this.hostStyle) own.setAttribute('style', this.hostStyle);
  }

  private repair(): void {
    const own = this.own;
    if (!this.running || !own || this.repairPending) return;
    const now = this.now();
    if (now - this.windowStart >= 1000) {
      this.windowStart = now;
      this.repairsInWindow = 0;
    }
    if (++this.repairsInWindow > REPAIRS_PER_SECOND) {
      this.repairPending = true;
      this.setTimer(() => {
        this.repairPending = false;
        this.windowStart = this.now();
        this.repairsInWindow = 0;
        this.repair();
      }, BACKOFF_MS);
      return;
    }
    this.assertAttributes(own);
    this.place(own);
  }
}
