/**
 * Keeps the page honest about the banner: exactly one banner host in the document, ours, or
 * none; and ours really seen. A page that removes, moves, restyles, relabels, covers or hides
 * our element gets it put back; hosts it forges are removed. A page that keeps fighting for
 * about a second (TamperMeter) is reported through `onTampered`, once: the tab then goes to the
 * extension's own warning page, which no page can touch.
 *
 * Nothing here listens to an event a page could dispatch to stop it: the document is watched by
 * MutationObservers and by a timer, and the events read (focus, clicks) count only when trusted.
 */
import { BANNER_ATTRIBUTE } from './banner-host';
import { createSeenCheck, promote, type SeenCheck } from './banner-seen';
import { watchFocus } from './focus-watch';
import { assertAttributes, attributesKept, type HostAttributes } from './host-attributes';
import { isMeantClick } from './meant-click';
import { RepairBudget } from './repair-budget';
import { TamperMeter } from './tamper-meter';

/** How often a shown banner checks that it is seen. */
const CHECK_EVERY_MS = 100;

const ELEMENT_NODE = 1;

export interface BannerGuardOptions {
  doc: Document;
  /** The inline style the host element must carry (every declaration `!important`). */
  hostStyle: string;
  now?: () => number;
  setTimer?: (callback: () => void, ms: number) => void;
  /** Whether the banner is seen; the browser's own answer unless a test gives another. */
  seen?: SeenCheck;
}

export class BannerGuard {
  private readonly doc: Document;
  private readonly hostStyle: string;
  private readonly now: () => number;
  private readonly setTimer: (callback: () => void, ms: number) => void;
  private readonly seen: SeenCheck;
  private readonly meter: TamperMeter;
  private readonly budget: RepairBudget;
  private readonly documentObserver: MutationObserver;
  private readonly hostObserver: MutationObserver;
  private readonly onDocumentReady = () => this.watch();
  private own: HTMLElement | null = null;
  private verdict = '';
  private signals: Readonly<Record<string, string>> = {};
  private running = false;
  private watching = false;
  private checkTimer: number | null = null;
  private stopFocusWatch: (() => void) | null = null;
  private lastSeen = false;
  private movedAt = -Infinity;
  private lastRect = '';
  private tamperListener: (() => void) | null = null;
  private reported = false;

  constructor(options: BannerGuardOptions) {
    this.doc = options.doc;
    this.hostStyle = options.hostStyle;
    this.now = options.now ?? (() => Date.now());
    this.setTimer = options.setTimer ?? ((callback, ms) => void setTimeout(callback, ms));
    this.seen = options.seen ?? createSeenCheck(this.doc);
    this.meter = new TamperMeter(this.now);
    this.budget = new RepairBudget(this.now, this.setTimer);
    this.documentObserver = new MutationObserver((records) => this.onDocumentMutations(records));
    this.hostObserver = new MutationObserver(() => this.repair());
  }

  /** The element we show, if any. */
  get element(): HTMLElement | null {
    return this.own;
  }

  /** Called once when the page keeps fighting the banner (or it cannot be built). */
  onTampered(listener: () => void): void {
    this.tamperListener = listener;
  }

  /** Reports tampering at once: the page made the banner impossible to show. */
  tampered(): void {
    if (this.reported || !this.running) return;
    this.reported = true;
    this.tamperListener?.();
  }

  /**
   * Arms the guard. A parsed document is watched, and swept of forged banners, at once; one
   * still loading from DOMContentLoaded on, or from the first `show()` if that comes sooner.
   */
  start(): void {
    if (this.running) return;
    this.running = true;
    if (this.doc.readyState === 'loading') {
      // Only a hint to look sooner: the first show() watches the document whether or not it comes.
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
    this.stopChecking();
  }

  /** Shows `host` (our element, with its shadow root already attached) for `verdict`, with its other signals. */
  show(host: HTMLElement, verdict: string, signals: Readonly<Record<string, string>> = {}): void {
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
    this.startChecking();
  }

  /** Takes our element out of the document and stops defending it. */
  hide(): void {
    const own = this.own;
    if (own === null) return;
    this.own = null;
    this.hostObserver.disconnect();
    this.stopChecking();
    own.remove();
  }

  /** Removes every banner host that is not ours. */
  sweep(): void {
    for (const element of Array.from(this.doc.querySelectorAll(`[${BANNER_ATTRIBUTE}]`))) {
      if (element !== this.own) element.remove();
    }
  }

  /** Whether a click on our banner is one the person meant (see meant-click.ts). */
  meantClick(event: MouseEvent, focusedInside: boolean): boolean {
    const own = this.own;
    if (!own) return false;
    this.check();
    return isMeantClick(event, own, this.doc, {
      seen: this.lastSeen,
      movedAt: this.movedAt,
      now: this.now(),
      focusedInside,
    });
  }

  private readyTarget(): EventTarget {
    return this.doc.defaultView ?? this.doc;
  }

  private watch(): void {
    if (!this.running || this.watching) return;
    this.watching = true;
    this.readyTarget().removeEventListener('DOMContentLoaded', this.onDocumentReady, { capture: true });
    this.documentObserver.observe(this.doc, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: [BANNER_ATTRIBUTE],
    });
    this.sweep();
  }

  private startChecking(): void {
    const view = this.doc.defaultView;
    if (this.checkTimer !== null || !view) return;
    this.checkTimer = view.setInterval(() => this.check(), CHECK_EVERY_MS);
    this.stopFocusWatch = watchFocus(view, () => this.fought());
  }

  private stopChecking(): void {
    if (this.checkTimer !== null) this.doc.defaultView?.clearInterval(this.checkTimer);
    this.checkTimer = null;
    this.stopFocusWatch?.();
    this.stopFocusWatch = null;
  }

  /** One look at whether the banner is seen, and the repair when it is not. */
  private check(): void {
    const own = this.own;
    if (!this.running || !own) return;
    const problems = this.seen.problems(own);
    const rect = own.isConnected ? JSON.stringify(own.getBoundingClientRect()) : '';
    if (rect !== this.lastRect) {
      this.lastRect = rect;
      this.movedAt = this.now();
    }
    this.lastSeen = problems.length === 0;
    if (this.lastSeen) return;
    this.fought();
    this.assertAttributes(own);
    this.place(own);
    this.seen.repair(own, problems);
    this.movedAt = this.now();
  }

  private fought(): void {
    if (this.meter.record()) this.tampered();
  }

  private onDocumentMutations(records: MutationRecord[]): void {
    if (!this.running) return;
    let forged = false;
    for (const record of records) {
      if (record.type === 'attributes') {
        forged ||= record.target !== this.own;
        continue;
      }
      const added = record.addedNodes;
      for (let i = 0; i < added.length && !forged; i++) {
        const node = added[i];
        if (node === undefined || node.nodeType !== ELEMENT_NODE || node === this.own) continue;
        const element = node as Element;
        forged =
          element.hasAttribute(BANNER_ATTRIBUTE) || element.querySelector(`[${BANNER_ATTRIBUTE}]`) !== null;
      }
    }
    if (forged) this.sweep();
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
    if (!root || this.isPlaced(own)) return;
    root.append(own);
    this.movedAt = this.now();
    promote(own);
  }

  private wanted(): HostAttributes {
    return { verdict: this.verdict, signals: this.signals, style: this.hostStyle };
  }

  private assertAttributes(own: HTMLElement): void {
    assertAttributes(own, this.wanted());
  }

  private repair(): void {
    const own = this.own;
    if (!this.running || !own || this.budget.waiting) return;
    // Our own writes reach the observer too: only a change the page made is a repair.
    if (attributesKept(own, this.wanted()) && this.isPlaced(own)) return;
    this.fought();
    if (!this.budget.spend(() => this.repair())) return;
    this.assertAttributes(own);
    this.place(own);
  }
}
