import { describeType, shorten } from './describe-value';
import type { PolicyCheck } from './types';

/** Hosts where plain `http:` is allowed: a registry served from this machine. */
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1']);

/**
 * Checks a registry URL (policy or user setting): `https:`, or `http:` to
 * `localhost` or `127.0.0.1` only. Returns the URL in the URL API's canonical
 * form, so that two spellings of one address compare equal.
 */
export function checkRegistryUrl(raw: unknown): PolicyCheck<string> {
  if (typeof raw !== 'string') {
    return { ok: false, code: 'wrong-type', reason: `must be a string, got ${describeType(raw)}` };
  }
  const text = raw.trim();
  if (text === '') return { ok: false, code: 'invalid-url', reason: 'is empty' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, code: 'invalid-url', reason: `"${shorten(text)}" is not an absolute URL` };
  }
  if (url.protocol === 'http:') {
    if (!LOOPBACK_HOSTS.has(url.hostname)) {
      return {
        ok: false,
        code: 'insecure-url',
        reason: `http: is allowed only to localhost or 127.0.0.1, not to "${shorten(url.hostname)}"; use https:`,
      };
    }
  } else if (url.protocol !== 'https:') {
    return {
      ok: false,
      code: 'unsupported-scheme',
      reason: `the scheme ${url.protocol} is not supported; use https:`,
    };
  }
  if (url.username !== '' || url.password !== '') {
    return {
      ok: false,
      code: 'url-with-credentials',
      reason: 'must not contain a user name or password (the browser refuses to fetch such a URL)',
    };
  }
  return { ok: true, value: url.href };
}
