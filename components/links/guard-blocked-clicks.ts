/**
 * A click on a link whose target is blocked asks first (ask-before-leaving.ts)
 * instead of following it. Listening in the capture phase on the document
 * comes before the page's own handlers, which may navigate by themselves.
 */
import { askBeforeLeaving } from './ask-before-leaving';
import type { LinkMarker } from './link-marker';

export interface BlockedClickDeps {
  doc: Document;
  marker: LinkMarker;
  /** Follows the link once the user chose to proceed. */
  open(href: string, newTab: boolean): void;
}

export function guardBlockedClicks(deps: BlockedClickDeps): () => void {
  const { doc, marker } = deps;
  const onClick = (event: MouseEvent) => {
    if (event.button > 1) return;
    const anchor = event
      .composedPath()
      .find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement && node.href !== '');
    if (!anchor) return;
    const mark = marker.markOf(anchor);
    const answer = marker.answer;
    if (mark?.verdict !== 'blocked' || answer === null) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    const href = anchor.href;
    const newTab =
      anchor.target === '_blank' || event.button === 1 || event.ctrlKey || event.metaKey || event.shiftKey;
    const { title, goBack, proceed } = answer.ask;
    askBeforeLeaving(doc, mark.verdict, {
      title,
      sentence: mark.sentence,
      goBack,
      proceed: answer.allowBypass ? proceed : null,
      onProceed: () => deps.open(href, newTab),
    });
  };
  doc.addEventListener('click', onClick, true);
  doc.addEventListener('auxclick', onClick, true);
  return () => {
    doc.removeEventListener('click', onClick, true);
    doc.removeEventListener('auxclick', onClick, true);
  };
}
