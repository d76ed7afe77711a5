/**
 * One `<qorgan-mark>` right after a link: a small sign of the verdict, its
 * plain sentence shown on hover and on focus, inside a closed shadow root the
 * page cannot reach. The host carries only `data-verdict`.
 */
import { MARK_TAG, markCss } from './link-styles';

const SIGNS: Record<string, string> = { blocked: '!', warning: '!', lookalike: '!', licensed: '✓' };

export function createLinkMark(doc: Document, verdict: string, sentence: string, label: string): HTMLElement {
  const host = doc.createElement(MARK_TAG);
  host.setAttribute('data-verdict', verdict);
  host.tabIndex = 0;
  host.setAttribute('role', 'img');
  host.setAttribute('aria-label', label);
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = markCss(verdict);
  const dot = doc.createElement('span');
  dot.className = verdict === 'licensed' ? 'dot quiet' : 'dot';
  dot.textContent = SIGNS[verdict] ?? '?';
  dot.setAttribute('aria-hidden', 'true');
  const tip = doc.createElement('span');
  tip.className = 'tip';
  tip.setAttribute('role', 'tooltip');
  tip.textContent = sentence;
  root.append(style, dot, tip);
  return host;
}
