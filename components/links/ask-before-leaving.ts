/**
 * The question before a blocked link is followed: the extension's own dialog
 * in a closed shadow root, on a built-in `div` host no page script can define.
 * Go back is focused and is what Escape does; Proceed is offered only when
 * the settings allow a bypass.
 */
import { ASK_CSS } from './link-styles';

export const ASK_ATTRIBUTE = 'data-qorgan-ask';

export interface AskRequest {
  title: string;
  sentence: string;
  goBack: string;
  /** The Proceed button's label, or null when bypass is not allowed. */
  proceed: string | null;
  onProceed(): void;
}

/** Shows the question; a second one replaces the first. Returns a function that closes it. */
export function askBeforeLeaving(doc: Document, verdict: string, request: AskRequest): () => void {
  for (const old of Array.from(doc.querySelectorAll(`div[${ASK_ATTRIBUTE}]`))) old.remove();
  const before = doc.activeElement as HTMLElement | null;
  const host = doc.createElement('div');
  host.setAttribute(ASK_ATTRIBUTE, '');
  host.setAttribute('data-verdict', verdict);
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = ASK_CSS;
  const box = doc.createElement('div');
  box.className = 'box';
  box.setAttribute('role', 'alertdialog');
  box.setAttribute('aria-modal', 'true');
  const title = doc.createElement('h2');
  title.id = 'title';
  title.textContent = request.title;
  const text = doc.createElement('p');
  text.id = 'text';
  text.textContent = request.sentence;
  box.setAttribute('aria-labelledby', 'title');
  box.setAttribute('aria-describedby', 'text');
  const buttons = doc.createElement('div');
  buttons.className = 'buttons';
  const close = () => {
    host.remove();
    before?.focus?.();
  };
  const back = button(doc, request.goBack, 'default', close);
  buttons.append(back);
  if (request.proceed !== null) {
    buttons.append(
      button(doc, request.proceed, '', () => {
        host.remove();
        request.onProceed();
      }),
    );
  }
  box.append(title, text, buttons);
  root.append(style, box);
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close();
  });
  (doc.body ?? doc.documentElement).append(host);
  back.focus();
  return close;
}

function button(doc: Document, label: string, className: string, onClick: () => void): HTMLButtonElement {
  const element = doc.createElement('button');
  element.type = 'button';
  element.className = className;
  element.textContent = label;
  element.addEventListener('click', (event) => {
    event.stopPropagation();
    onClick();
  });
  return element;
}
