/**
 * IntersectionObserver v2 where the browser has it (Chromium): the browser's own word on whether
 * the banner is visible, which counts what hit testing cannot see (a cover with
 * `pointer-events: none`, an effect that fades or distorts it). Firefox has no v2: there the hit
 * test and the style checks of banner-seen.ts stand alone.
 */
/** How often, at most, IntersectionObserver v2 reports on the banner's visibility (its minimum). */
const VISIBILITY_DELAY_MS = 100;

/**
 * Whether the browser last said the banner was visible: undefined where it has no
 * IntersectionObserver v2 (Firefox) or has not answered yet.
 */
export function visibilityWatch(doc: Document): (host: HTMLElement) => boolean | undefined {
  let watched: HTMLElement | null = null;
  let visible: boolean | undefined;
  let observer: IntersectionObserver | null = null;
  const Observer = doc.defaultView?.IntersectionObserver;
  if (typeof Observer !== 'function') return () => undefined;
  try {
    // The v2 options are not in every DOM typing; a browser without them ignores them.
    const options = { trackVisibility: true, delay: VISIBILITY_DELAY_MS } as IntersectionObserverInit;
    observer = new Observer((entries) => {
      const last = entries.at(-1) as (IntersectionObserverEntry & { isVisible?: boolean }) | undefined;
      if (last?.target === watched && typeof last.isVisible === 'boolean') visible = last.isVisible;
    }, options);
    if ((observer as IntersectionObserver & { trackVisibility?: boolean }).trackVisibility !== true) {
      observer.disconnect();
      return () => undefined;
    }
  } catch {
    return () => undefined;
  }
  return (host) => {
    if (host !== watched) {
      observer?.disconnect();
      watched = host;
      visible = undefined;
      observer?.observe(host);
    }
    return visible;
  };
}
