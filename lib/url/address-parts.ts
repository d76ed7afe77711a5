/**
 * An address as the block page shows it: the origin, which says whose site it is, in full; the
 * rest muted and cut short, because a path can say anything ("…LICENSED…Press-Proceed") and must
 * not read as the page's own words.
 */
import { stripBidiControls } from '../text/strip-bidi';

export const PATH_LIMIT = 60;

export function addressParts(address: string): { origin: string; rest: string } {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return { origin: '', rest: cut(address) };
  }
  return { origin: url.origin, rest: cut(`${url.pathname}${url.search}${url.hash}`) };
}

function cut(text: string): string {
  const plain = stripBidiControls(text);
  const chars = Array.from(plain);
  return chars.length <= PATH_LIMIT ? plain : `${chars.slice(0, PATH_LIMIT - 1).join('')}…`;
}
