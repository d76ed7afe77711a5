/**
 * Whether a click on the banner is one the person meant: a real input (not a script's), on a
 * banner that was visibly its own at that moment and had not just moved under the pointer. A
 * page can paint "Continue ▶" over our Dismiss button with `pointer-events: none`, or slide the
 * banner under a pointer about to click; neither may silence the warning.
 */
export interface ClickFacts {
  /** The banner passed its last check of being seen, and nothing is wrong now. */
  seen: boolean;
  /** When the banner was last put back, promoted or moved. */
  movedAt: number;
  now: number;
  /** Focus is inside the banner (a keyboard activation). */
  focusedInside: boolean;
}

/** The banner must have stood still this long before a click on it counts. */
export const SETTLED_MS = 500;

export function isMeantClick(event: MouseEvent, host: Element, doc: Document, facts: ClickFacts): boolean {
  if (!event.isTrusted || !facts.seen || facts.now - facts.movedAt < SETTLED_MS) return false;
  // Enter or Space on a focused button: a click without a pointer position.
  if (event.detail === 0) return facts.focusedInside;
  return doc.elementFromPoint(event.clientX, event.clientY) === host;
}
