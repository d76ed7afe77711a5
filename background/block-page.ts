/** The extension's block page: its address for a blocked target, and sending a tab there. */
import { browser } from 'wxt/browser';

export function blockedPageUrl(url: string): string {
  return `${browser.runtime.getURL('/blocked.html')}?url=${encodeURIComponent(url)}`;
}

/** The blocked address a block page stands for; null for any other address. */
export function blockedTarget(url: string): string | null {
  const page = browser.runtime.getURL('/blocked.html');
  if (!url.startsWith(page)) return null;
  return new URLSearchParams(url.slice(page.length).split('#')[0]).get('url');
}

/** Sends the tab to the block page for `target` (the page's address, or the framed site's). */
export async function showBlockPage(tabId: number, target: string): Promise<void> {
  await browser.tabs.update(tabId, { url: blockedPageUrl(target) });
}
