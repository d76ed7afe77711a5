import { MARKED_SITES, type LinkWrapper, type MarkedSite } from './marked-sites';
import { telegramAddressName, telegramWebTarget } from './telegram-web-address';
import type { WrapperHostTest } from './wrapper-host-test';

/** Longer link addresses are not read: none of the sites' links comes near, and a page can make any. */
export const MAX_LINK_LENGTH = 8192;
/** A wrapper inside a wrapper is unwrapped too, this many times at most. */
const MAX_DEPTH = 3;
const TELEGRAM_HOSTS: ReadonlySet<string> = new Set(['t.me', 'www.t.me', 'telegram.me', 'www.telegram.me']);

/**
 * The address a link really leads to, to be judged: the target of a redirect
 * wrapper of the table's sites, a Telegram address as its `t.me` page, as
 * `scheme://host/path` without query or fragment. Null for anything that is
 * not a web link (`javascript:`, `data:`, `mailto:`), an address that does
 * not parse, or one longer than MAX_LINK_LENGTH. Never throws. `isWrapperHost` says which
 * hosts may wrap a link (the background's full test, or content code's test on its page).
 */
export function linkTarget(
  href: string,
  isWrapperHost: WrapperHostTest,
  sites: readonly MarkedSite[] = MARKED_SITES,
): string | null {
  if (href.length > MAX_LINK_LENGTH) return null;
  const tgName = /^tg:/i.test(href) ? telegramAddressName(href) : null;
  if (tgName) return `https://t.me/${tgName.toLowerCase()}`;
  let url = parseWeb(href);
  for (let depth = 0; url && depth < MAX_DEPTH; depth++) {
    const inner = unwrapOnce(url, isWrapperHost, sites);
    if (!inner) break;
    url = inner;
  }
  if (!url) return null;
  const host = url.hostname.replace(/\.+$/, '');
  if (host === 'web.telegram.org') return telegramWebTarget(url.href) ?? judged(url, host);
  if (TELEGRAM_HOSTS.has(host)) return judged(url, 't.me');
  return judged(url, host);
}

function judged(url: URL, host: string): string {
  return `${url.protocol}//${host}${url.pathname}`;
}

function parseWeb(text: string): URL | null {
  try {
    const url = new URL(text.trim());
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' ? url : null;
  } catch {
    return null;
  }
}

function unwrapOnce(url: URL, isWrapperHost: WrapperHostTest, sites: readonly MarkedSite[]): URL | null {
  const host = url.hostname.replace(/\.+$/, '');
  for (const wrapper of sites.flatMap((site) => site.wrappers)) {
    if (!wrapperPathMatches(wrapper, url.pathname)) continue;
    if (!wrapper.hosts.some((pattern) => isWrapperHost(host, pattern))) continue;
    for (const param of wrapper.params) {
      const value = url.searchParams.get(param);
      if (value === null) continue;
      const decoded = wrapper.encoding === 'bing-base64' ? decodeBingTarget(value) : value;
      const inner = decoded === null ? null : parseWeb(decoded);
      if (inner) return inner;
    }
  }
  return null;
}

function wrapperPathMatches(wrapper: LinkWrapper, path: string): boolean {
  return wrapper.path.endsWith('/') ? path.startsWith(wrapper.path) : path === wrapper.path;
}

/** Bing's click address carries the target as `a1` and the URL in unpadded base64url. */
function decodeBingTarget(value: string): string | null {
  if (!value.startsWith('a1')) return null;
  const base64 = value.slice(2).replace(/-/g, '+').replace(/_/g, '/');
  try {
    const bytes = Uint8Array.from(atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4)), (c) =>
      c.charCodeAt(0),
    );
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
