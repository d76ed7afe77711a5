/**
 * Focus theft: a page that moves focus away, by script, from where the person just put it (with
 * Tab or a click) keeps keyboard users from ever reaching the banner's buttons. Only trusted
 * events are read, so the page cannot fake or hide a theft by dispatching events of its own
 * (it can swallow them before they reach us, which leaves its thefts uncounted, nothing worse).
 */
/** A focus move this soon after a key or pointer press is the person's (Firefox moves focus on keypress). */
const CAUSED_MS = 100;
const INTENT_EVENTS = ['keydown', 'keypress', 'pointerdown', 'mousedown'] as const;

export function watchFocus(win: Window, onTheft: () => void): () => void {
  const clock = () => win.performance.now();
  let intentAt = -Infinity;
  let userFocus: EventTarget | null = null;
  let userFocusAt = -Infinity;

  const onIntent = (event: Event) => {
    if (event.isTrusted) intentAt = clock();
  };
  const onFocusIn = (event: FocusEvent) => {
    if (!event.isTrusted) return;
    const now = clock();
    userFocus = now - intentAt < CAUSED_MS ? event.target : null;
    userFocusAt = now;
  };
  const onFocusOut = (event: FocusEvent) => {
    const target = event.target;
    if (!event.isTrusted || target !== userFocus) return;
    userFocus = null;
    // A new key or pointer press since means the person moved on; focus leaving the window
    // (another app, another tab) has nowhere to go in the page.
    if (intentAt > userFocusAt || event.relatedTarget === null) return;
    onTheft();
    // Focus goes back where the person put it: a page that steals it again keeps fighting.
    win.setTimeout(() => {
      if (!(target instanceof HTMLElement) || !target.isConnected) return;
      target.focus();
      userFocus = target;
      userFocusAt = clock();
    }, 0);
  };

  const options = { capture: true } as const;
  for (const type of INTENT_EVENTS) win.addEventListener(type, onIntent, options);
  win.addEventListener('focusin', onFocusIn, options);
  win.addEventListener('focusout', onFocusOut, options);
  return () => {
    for (const type of INTENT_EVENTS) win.removeEventListener(type, onIntent, options);
    win.removeEventListener('focusin', onFocusIn, options);
    win.removeEventListener('focusout', onFocusOut, options);
  };
}
