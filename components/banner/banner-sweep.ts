/**
 * The guard of the `<qorgan-banner>` name on a page that shows no banner of
 * ours: every element the page forges under that name is removed, those in
 * the markup and those added later (a page judged `licensed` or `unknown`
 * never has one of ours, so any there is forged).
 *
 * It runs in the page's own (main) world, injected by the background once the
 * page has loaded (background/page-scripts.ts). The extension's isolated world
 * is kept for pages that get a banner: measured in Chromium, an isolated world
 * in a loaded page made the next page loaded in that tab about 3 ms slower
 * (bench/README.md), while code run in the main world cost nothing measurable.
 *
 * The price is that the page can see this code and switch it off (it can
 * patch the DOM functions it calls, or dispatch OWN_BANNER_EVENT itself). That
 * gains it nothing: a page can draw a lookalike of the banner under any other
 * name. Where a banner of ours is shown, the isolated world's BannerGuard
 * defends it, and this sweep stands down (OWN_BANNER_EVENT) so that the two
 * never fight over our element.
 */
import { BannerGuard, OWN_BANNER_EVENT } from './banner-guard';

/** Marks a document the sweep already runs in; the sweep is injected again after in-page navigations. */
const SWEEPING = Symbol.for('qorgan.banner-sweep');

/**
 * Starts the sweep in `doc` unless it runs there already; false when it did, or when the page
 * broke what it needs (it runs in the page's world: the sampler injected after it must still run).
 */
export function startBannerSweep(doc: Document): boolean {
  try {
    const marked = doc as unknown as Record<symbol, unknown>;
    if (marked[SWEEPING] === true) return false;
    Object.defineProperty(doc, SWEEPING, { value: true });
    // A guard with no element of its own removes every banner it sees.
    const guard = new BannerGuard({ doc, hostStyle: '' });
    doc.addEventListener(OWN_BANNER_EVENT, () => guard.stop(), { once: true });
    guard.start();
    return true;
  } catch {
    return false;
  }
}
