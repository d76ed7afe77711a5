/**
 * The sweep of forged banner hosts on a page that shows no banner of ours: every element the
 * page marks `data-qorgan-banner` is removed, those in the markup and those added later
 * (pages with a `licensed` or `unknown` verdict have none).
 *
 * It runs in the page's own (main) world, injected by the background once the page has loaded
 * (background/page-scripts.ts), or, on the sites with link marks, in the isolated world their code
 * already has (entrypoints/link-marks/index.ts). The extension's isolated world is kept for pages
 * that get a banner or link marks: measured in Chromium, an isolated world in a loaded page made the next page loaded in
 * that tab about 3 ms slower (bench/README.md), while code run in the main world cost nothing
 * measurable.
 *
 * It keeps no state where the page could read it: no mark on the document, no global, no event,
 * so nothing tells a site that Qorgan is installed (short of forging a host and watching it
 * go). It also needs no word from our banner to leave it alone, since a page can fake any word
 * in its own world: our host is a built-in `div` that already has a (closed) shadow root,
 * attached before it was ever in the document, and a host the page forges has none, unless the
 * page gave it one, and then it is only one more drawing of the page's own (see README.md).
 */
import { BANNER_ATTRIBUTE, XHTML } from './banner-host';

/** True when `element` cannot be our host. Attaching a shadow root is the test: ours has one. */
export function isForgedHost(element: Element): boolean {
  if (element.localName !== 'div' || element.namespaceURI !== XHTML || element.hasAttribute('is'))
    return true;
  try {
    element.attachShadow({ mode: 'closed' });
    return true;
  } catch {
    return false;
  }
}

function sweep(doc: Document): void {
  for (const element of Array.from(doc.querySelectorAll(`[${BANNER_ATTRIBUTE}]`))) {
    if (isForgedHost(element)) element.remove();
  }
}

/** Starts the sweep in `doc`; false when the page broke what it needs (the sampler must still run). */
export function startBannerSweep(doc: Document): boolean {
  try {
    sweep(doc);
    new MutationObserver(() => sweep(doc)).observe(doc, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: [BANNER_ATTRIBUTE],
    });
    return true;
  } catch {
    return false;
  }
}
