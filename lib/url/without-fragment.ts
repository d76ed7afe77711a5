/** An address without its fragment, which names a place in the page, not another page. */
export function withoutFragment(url: string): string {
  return url.split('#')[0] ?? url;
}
