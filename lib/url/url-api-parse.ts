import type { SimpleWebUrl } from './simple-web-url';

/** A URL that is no web page: `chrome://`, `about:`, `file:`, `mailto:` and the like. */
export interface NonWebUrl {
  scheme: string;
}

const SCHEME_PREFIX = /^([a-z][a-z0-9+.-]*):/i;
/** After `name:`, a port: `localhost:3000`, `example.com:8080/path` are hosts, not schemes. */
const PORT_AFTER_COLON = /^\d+(?:[/?#\\]|$)/;
/** After `name:`, userinfo: `user:secret@bybit.kz` typed without a scheme. */
const USERINFO_AFTER_COLON = /^[^/?#@\s]*@[^/?#@\s]/;
/** Schemes whose URLs can hold `@` without it being userinfo. */
const OPAQUE_SCHEMES: ReadonlySet<string> = new Set([
  'mailto',
  'javascript',
  'data',
  'blob',
  'about',
  'view-source',
  'xmpp',
  'sip',
  'sips',
  'tel',
  'sms',
]);
const WEB_SCHEMES: ReadonlySet<string> = new Set(['http', 'https']);

/**
 * Reads any trimmed input through the URL API: a missing scheme means
 * `https://`, IDN becomes punycode, case, userinfo and port go, IPv4 is
 * canonicalised. Returns the host without trailing dots and the lower-cased
 * path, the scheme of a non-web URL, or null when no host can be read.
 */
export function parseUrlWithUrlApi(text: string): SimpleWebUrl | NonWebUrl | null {
  let candidate = `https://${text}`;
  const scheme = SCHEME_PREFIX.exec(text);
  if (scheme) {
    const name = (scheme[1] ?? '').toLowerCase();
    const rest = text.slice(scheme[0].length);
    const isHostAfterAll =
      PORT_AFTER_COLON.test(rest) || (!OPAQUE_SCHEMES.has(name) && USERINFO_AFTER_COLON.test(rest));
    if (WEB_SCHEMES.has(name)) candidate = text;
    else if (!isHostAfterAll) return { scheme: name };
  }
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (!WEB_SCHEMES.has(url.protocol.slice(0, -1))) return null;

  let host = url.hostname;
  let end = host.length;
  while (end > 0 && host.charCodeAt(end - 1) === 0x2e) end--;
  if (end !== host.length) host = host.slice(0, end);
  if (host === '' || host.startsWith('.') || host.includes('..')) return null;
  return { host, path: url.pathname.toLowerCase() };
}
