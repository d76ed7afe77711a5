/**
 * One `<qorgan-mark>` right after a link: a small sign of the verdict, its
 * plain sentence shown on hover and on focus, inside a closed shadow root the
 * page cannot reach. The host carries only `data-verdict`. A licensed link's
 * sign is smaller and paler than a warning's.
 *
 * A results page links to the same few listed sites again and again: the
 * first mark of each verdict and sentence is built, the next ones are copies
 * of it (`clonable` shadow roots are copied with their host), one call each
 * instead of a dozen, and no script object for any node inside.
 */
import type { LinkMark } from '../../lib/messaging/protocol';
import { MARK_CSS, MARK_TAG } from './link-styles';

const SIGNS: Record<string, string> = { blocked: '!', warning: '!', lookalike: '!', licensed: '✓' };
/** Distinct marks kept to copy from; a page linking to ever more listed sites starts afresh past it. */
const KEPT = 64;

/** Makes the marks of one document. */
export function linkMarkMaker(doc: Document): (mark: LinkMark) => HTMLElement {
  const made = new Map<string, HTMLElement>();
  return (mark) => {
    const key = `${mark.verdict}\n${mark.label}\n${mark.sentence}`;
    let first = made.get(key);
    if (!first) {
      if (made.size >= KEPT) made.clear();
      made.set(key, (first = buildLinkMark(doc, mark)));
    }
    return first.cloneNode(true) as HTMLElement;
  };
}

function buildLinkMark(doc: Document, mark: LinkMark): HTMLElement {
  const host = doc.createElement(MARK_TAG);
  host.setAttribute('data-verdict', mark.verdict);
  host.tabIndex = 0;
  host.setAttribute('role', 'img');
  host.setAttribute('aria-label', mark.label);
  const root = host.attachShadow({ mode: 'closed', clonable: true });
  const style = doc.createElement('style');
  style.textContent = MARK_CSS;
  const dot = doc.createElement('span');
  dot.className = `dot ${mark.verdict}`;
  dot.textContent = SIGNS[mark.verdict] ?? '?';
  dot.setAttribute('aria-hidden', 'true');
  const tip = doc.createElement('span');
  tip.className = 'tip';
  tip.setAttribute('role', 'tooltip');
  tip.textContent = mark.sentence;
  root.append(style, dot, tip);
  return host;
}
