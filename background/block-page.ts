/** The extension's block page: its address for a blocked target, and sending a tab there. */
import { browser } from 'wxt/browser';
import type { TamperCause } from '../lib/messaging/protocol';

export function blockedPageUrl(url: string): string {
  return `${browser.runtime.getURL('/blocked.html')}?url=${encodeURIComponent(url)}`;
}

/** The blocked address a block page stands for; null for any other address. */
export function blockedTarget(url: string): string | null {
  const page = browser.runtime.getURL('/blocked.html');
  if (!url.startsWith(page)) return null;
  return new URLSearchParams(url.slice(page.length).split('#')[0]).get('url');
}

/**
 * The same page in its warning variant, for a site that would not let its banner be seen, with the
 * site's verdict for its first paint (no page can open extension pages, so only we write these).
 */
export function warningPageUrl(url: string, verdict: string, cause?: TamperCause): string {
  const page = `${blockedPageUrl(url)}&tampered=1&verdict=${encodeURIComponent(verdict)}`;
  return cause === undefined ? page : `${page}&cause=${cause}`;
}

/** Sends the tab to the block page for `target` (the page's address, or the framed site's). */
export async function showBlockPage(tabId: number, target: string): Promise<void> {
  await browser.tabs.update(tabId, { url: blockedPageUrl(target) });
}
