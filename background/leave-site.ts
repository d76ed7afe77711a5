/**
 * "Go back" on the banner and the block page: the tab leaves the site for the
 * last page of another site it came from (background/site-trail.ts), however
 * many history entries the site pushed; with none, it lands on the
 * extension's lookup page for the address it left, which says why.
 */
import { browser } from 'wxt/browser';
import { blockedTarget } from './block-page';
import { wayOutOf } from './site-trail';

export function landingPage(left: string | null): string {
  const page = browser.runtime.getURL('/popup.html');
  return left === null ? page : `${page}?url=${encodeURIComponent(left)}`;
}

/** `current` is the address of the page being left (a block page stands for its blocked address). */
export async function leaveSite(tabId: number, current: string | null): Promise<void> {
  const way = await wayOutOf(tabId);
  const left = current === null ? null : (blockedTarget(current) ?? current);
  await browser.tabs.update(tabId, { url: way ?? landingPage(left) });
}
