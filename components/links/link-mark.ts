/**
 * One `<qorgan-mark>` right after a link: a small sign of the verdict, its
 * plain sentence shown on hover and on focus, inside a closed shadow root the
 * page cannot reach. The host carries only `data-verdict`. A licensed link's
 * sign is smaller and paler than a warning's.
 */
import type { LinkMark } from '../../lib/messaging/protocol';
import { MARK_CSS, MARK_TAG } from './link-styles';

const SIGNS: Record<string, string> = { blocked: '!', warning: '!', lookalike: '!', licensed: '✓' };

export function createLinkMark(doc: Document, mark: LinkMark): HTMLElement {
  const host = doc.createElement(MARK_TAG);
  host.setAttribute('data-verdict', mark.verdict);
  host.tabIndex = 0;
  host.setAttribute('role', 'img');
  host.setAttribute('aria-label', mark.label);
  const root = host.attachShadow({ mode: 'closed' });
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
