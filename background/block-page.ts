/** The extension's block page for a blocked URL. */
export function blockedPageUrl(url: string): string {
  return `${browser.runtime.getURL('/blocked.html')}?url=${encodeURIComponent(url)}`;
}
