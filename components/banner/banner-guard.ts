/**
 * Keeps the page honest about the banner: exactly one `<qorgan-banner>` in the
 * document, ours, or none. A page that removes, moves, restyles or relabels our
 * element gets it put back; elements it forges under the same name are removed.
 */
export const BANNER_TAG = 'qorgan-banner';

/** Attributes our host element may carry; anything else the page adds is removed (`hidden`, `inert`, …). */
const OWN_ATTRIBUTES: ReadonlySet<string> = new Set(['data-verdict', 'style']);

/** A page that fights back gets at most this many repairs a second; then repairs are spaced out. */
const REPAIRS_PER_SECOND = 60;
const BACKOFF_MS = 250;

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
  private own: HTMLElement | null = null;
  private verdict = '';
  private running = false;
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
  }

  /** The element we show, if any. */
  get element(): HTMLElement | null {
    return this.own;
  }

  /** Starts watching the document; removes forged banners already in it. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.documentObserver.observe(this.doc, { childList: true, subtree: true });
    this.sweep();
  }

  stop(): void {
    this.running = false;
    this.documentObserver.disconnect();
    this.hostObserver.disconnect();
  }

  /** Shows `host` (our element, with its shadow root already attached) for `verdict`. */
  show(host: HTMLElement, verdict: string): void {
    if (this.own !== host) {
      this.hostObserver.disconnect();
      this.own = host;
      this.hostObserver.observe(host, { attributes: true });
    }
    this.verdict = verdict;
    this.assertAttributes(host);
    this.place(host);
    this.sweep();
  }

  /** Takes our element out of the document and stops defending it. */
  hide(): void {
    const own = this.own;
    this.own = null;
    this.hostObserver.disconnect();
    own?.remove();
    this.sweep();
  }

  /** Removes every `<qorgan-banner>` that is not ours. */
  sweep(): void {
    for (const element of Array.from(this.doc.getElementsByTagName(BANNER_TAG))) {
      if (element !== this.own) element.remove();
    }
  }

  private onDocumentMutations(records: MutationRecord[]): void {
    if (!this.running) return;
    for (const record of records) {
      for (const node of Array.from(record.addedNodes)) this.removeForgedIn(node);
    }
    const own = this.own;
    if (own && !this.isPlaced(own)) this.repair();
  }

  private removeForgedIn(node: Node): void {
    if (node.nodeType !== 1) return;
    const element = node as Element;
    if (element.localName === BANNER_TAG && element !== this.own) {
      element.remove();
      return;
    }
    if (element.firstElementChild === null) return;
    for (const nested of Array.from(element.getElementsByTagName(BANNER_TAG))) {
      if (nested !== this.own) nested.remove();
    }
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
      if (!OWN_ATTRIBUTES.has(name)) own.removeAttribute(name);
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
