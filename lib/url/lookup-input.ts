import { classifyHostExemption, type HostExemption } from './host-exemption';
import { parseSimpleWebUrl } from './simple-web-url';
import { parseUrlWithUrlApi } from './url-api-parse';

/**
 * What a lookup is about, after parsing a page URL or whatever a person typed
 * into the popup. `host` is the ASCII (punycode) host in lower case without a
 * trailing dot; `path` is the URL path in lower case, without query or fragment.
 */
export type LookupInput =
  | { kind: 'web'; host: string; path: string }
  | { kind: 'exempt'; host: string; path: string; exemption: HostExemption }
  | { kind: 'non-web'; scheme: string }
  | { kind: 'invalid' };

const INVALID: LookupInput = { kind: 'invalid' };

/**
 * Parses a page URL or a popup query: bare domains, URLs with or without a
 * scheme, upper case, trailing dots, ports, userinfo, IDN in Unicode or
 * punycode, IP literals. Never throws. Plain `http(s)` URLs, nearly every page,
 * take a fast path that skips the URL API.
 */
export function parseLookupInput(input: string): LookupInput {
  const text = input.trim();
  if (text === '') return INVALID;
  const parsed = parseSimpleWebUrl(text) ?? parseUrlWithUrlApi(text);
  if (!parsed) return INVALID;
  if ('scheme' in parsed) return { kind: 'non-web', scheme: parsed.scheme };
  const { host, path } = parsed;
  const exemption = classifyHostExemption(host);
  return exemption ? { kind: 'exempt', host, path, exemption } : { kind: 'web', host, path };
}
