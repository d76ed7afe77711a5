/**
 * Whether the banner is really seen, not merely in the document: a page can keep our element and
 * still hide it (a modal dialog or popover above it, `inert`, a transform, clip, mask or zoom on
 * `<html>`, a cover that wins the hit test). The answer comes from what the browser itself
 * reports: the top element at several points of the banner, its box, its place in the top layer,
 * and, where the browser has IntersectionObserver v2, its own word on whether anything paints
 * over the banner or fades it (a cover the hit test misses: `pointer-events: none`).
 */
import { visibilityWatch } from './visibility-watch';

export type SeenProblem = 'detached' | 'shrunk' | 'covered' | 'inert' | 'modal' | 'root-style';

export interface SeenCheck {
  problems(host: HTMLElement): SeenProblem[];
  /** Puts right what can be put right; a page that undoes it again is fighting. */
  repair(host: HTMLElement, problems: readonly SeenProblem[]): void;
}

/** What on `<html>` can hide, move or shrink what it holds, and the value that cannot. */
const ROOT_NEUTRAL: readonly (readonly [property: string, neutral: string])[] = [
  ['transform', 'none'],
  ['translate', 'none'],
  ['rotate', 'none'],
  ['scale', 'none'],
  ['clip-path', 'none'],
  ['mask-image', 'none'],
  ['filter', 'none'],
  ['zoom', '1'],
  ['opacity', '1'],
  ['contain', 'none'],
  ['content-visibility', 'visible'],
];

/** The banner must span the viewport's width at its top and be tall enough to read. */
const MIN_HEIGHT = 24;

function rootStyles(doc: Document): [string, string][] {
  const root = doc.documentElement;
  const view = doc.defaultView;
  if (!root || !view) return [];
  const computed = view.getComputedStyle(root);
  return ROOT_NEUTRAL.filter(([property, neutral]) => {
    const value = computed.getPropertyValue(property);
    return value !== '' && value !== neutral && !(property === 'contain' && value === 'normal');
  }).map(([property, neutral]) => [property, neutral]);
}

function isShrunk(host: HTMLElement, view: Window): boolean {
  const rect = host.getBoundingClientRect();
  return (
    Math.abs(rect.top) > 1 || rect.left > 1 || rect.width < view.innerWidth * 0.9 || rect.height < MIN_HEIGHT
  );
}

function isCovered(host: HTMLElement, doc: Document): boolean {
  const rect = host.getBoundingClientRect();
  for (const fx of [0.05, 0.5, 0.95]) {
    for (const fy of [0.3, 0.7]) {
      const x = rect.left + rect.width * fx;
      const y = rect.top + rect.height * fy;
      if (doc.elementFromPoint(x, y) !== host) return true;
    }
  }
  return false;
}

function hasOpenModal(doc: Document): boolean {
  try {
    return doc.querySelector(':modal') !== null;
  } catch {
    return false;
  }
}

/** The page's elements in the top layer now (popovers, modal dialogs, fullscreen). */
function topLayer(doc: Document, host: HTMLElement): Element[] {
  try {
    return Array.from(doc.querySelectorAll(':popover-open, :modal, :fullscreen')).filter((el) => el !== host);
  } catch {
    return [];
  }
}

function overlaps(a: DOMRect, b: DOMRect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

export function createSeenCheck(doc: Document): SeenCheck {
  // Top-layer elements already below ours: one that opens later is above it, and may let the hit
  // test through (`pointer-events: none`) while it paints over the banner.
  let below = new WeakSet<Element>();
  const visible = visibilityWatch(doc);
  return {
    problems(host) {
      const view = doc.defaultView;
      if (!host.isConnected || !view) return ['detached'];
      const found: SeenProblem[] = [];
      const opened = topLayer(doc, host);
      const rect = host.getBoundingClientRect();
      if (opened.some((el) => !below.has(el) && overlaps(el.getBoundingClientRect(), rect))) {
        found.push('covered');
      }
      below = new WeakSet(opened);
      if (host.closest('[inert]') !== null) found.push('inert');
      if (hasOpenModal(doc)) found.push('modal');
      if (isShrunk(host, view)) found.push('shrunk');
      else if (isCovered(host, doc) || visible(host) === false) found.push('covered');
      if (found.length > 0 && rootStyles(doc).length > 0) found.push('root-style');
      return found;
    },
    repair(host, problems) {
      const root = doc.documentElement;
      if (!root) return;
      if (problems.includes('inert')) {
        for (let node: Element | null = host; node; node = node.parentElement) node.removeAttribute('inert');
      }
      if (problems.includes('modal')) {
        for (const dialog of Array.from(doc.querySelectorAll('dialog'))) {
          if (dialog.matches(':modal')) dialog.close();
        }
      }
      if (problems.includes('root-style')) {
        // The page's own rules lose to an inline !important declaration on the element itself.
        for (const [property, neutral] of rootStyles(doc)) {
          (root as HTMLElement).style?.setProperty(property, neutral, 'important');
        }
      }
      promote(host);
    },
  };
}

/** Shows the host in the top layer, or moves it to the top of it when something was put above. */
export function promote(host: HTMLElement): void {
  if (typeof host.showPopover !== 'function' || !host.isConnected) return;
  try {
    if (host.matches(':popover-open')) host.hidePopover();
    host.showPopover();
  } catch {
    // Not in a document that has a top layer (or the page cancelled it): the hit test will say.
  }
}
