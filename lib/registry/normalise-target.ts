/**
 * Targets (docs/registry-format.md, "Targets"): an ASCII host — IDN in punycode, lower case, no
 * scheme, port or trailing dot — optionally followed by a path prefix.
 *
 * `normaliseTarget` turns what a person typed (a publisher's CSV, an
 * administrator's policy) into that form through the URL API, the same IDN and
 * IPv4 rules the browser applies to the address bar. `checkCanonicalTarget`
 * judges a payload's target, which must already be in that form: it is fast
 * enough for a million entries and falls back to the URL API only for punycode
 * and numeric hosts.
 */

import {
  HOST_PUNYCODE,
  LAST_LABEL_DIGIT,
  NOT_CANONICAL,
  PATH_DOT_SEGMENT,
  SHAPE_FLAGS,
  readCanonicalShape,
} from './canonical-shape';

export type TargetProblem =
  | 'empty'
  | 'too-long'
  | 'whitespace'
  | 'non-ascii'
  | 'scheme'
  | 'credentials'
  | 'port'
  | 'query-or-fragment'
  | 'not-lower-case'
  | 'trailing-dot'
  | 'single-label'
  | 'invalid-host'
  | 'invalid-path'
  | 'not-normalised';

export type NormalisedTarget = { ok: true; target: string } | { ok: false; problem: TargetProblem };

export const MAX_TARGET_LENGTH = 2048;
const MAX_HOST_LENGTH = 253;

const LABEL = '[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?';
const PCHAR = "(?:[a-z0-9._~!$&'()*+,;=:@-]|%[0-9a-f]{2})";
/** The canonical form; `hasCanonicalShape` answers the same faster for the common case. */
export const CANONICAL_TARGET = new RegExp(`^${LABEL}(?:\\.${LABEL})+(?:/${PCHAR}+)*$`);
const HOST = new RegExp(`^${LABEL}(?:\\.${LABEL})+$`);
const SEGMENT = new RegExp(`^${PCHAR}+$`);
const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);
const NUMERIC_LABEL = /^(?:\d+|0x[0-9a-f]*)$/;
const SPACE_OR_CONTROL = /[\s\p{Cc}]/u;
const NON_ASCII = /[^\p{ASCII}]/u;
const UPPER = /[A-Z]/;
// A scheme, unless what follows the colon is a port number.
const SCHEME = /^[a-z][a-z0-9+.-]*:(?!\d*(?:[/?#]|$))/i;
const HOST_END = /[/?#\\]/;

function fail(problem: TargetProblem): NormalisedTarget {
  return { ok: false, problem };
}

function hostProblem(host: string): TargetProblem | null {
  if (host.length > MAX_HOST_LENGTH) return 'invalid-host';
  const labels = host.split('.');
  if (labels.length < 2) return labels[0] === '' ? 'empty' : 'single-label';
  if (!HOST.test(host)) return 'invalid-host';
  const last = labels[labels.length - 1] ?? '';
  if (NUMERIC_LABEL.test(last) && !IPV4.test(host)) return 'invalid-host';
  return null;
}

function pathProblem(path: string): TargetProblem | null {
  if (path === '') return null;
  for (const segment of path.slice(1).split('/')) {
    if (!SEGMENT.test(segment) || segment === '.' || segment === '..') return 'invalid-path';
  }
  return null;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Why `target` is not in the payload's canonical form, or `null` if it is. */
export function checkCanonicalTarget(target: string): TargetProblem | null {
  if (target.length === 0) return 'empty';
  if (target.length > MAX_TARGET_LENGTH) return 'too-long';
  // The common target is judged from one pass over its characters: this runs for every entry of a sync.
  let shape = readCanonicalShape(target);
  if (shape === NOT_CANONICAL) {
    if (!CANONICAL_TARGET.test(target)) return diagnose(target);
    shape = shapeByPattern(target);
  }
  if (Math.floor(shape / SHAPE_FLAGS) > MAX_HOST_LENGTH) return 'invalid-host';
  if ((shape & PATH_DOT_SEGMENT) !== 0) {
    const problem = pathProblem(target.slice(target.indexOf('/')));
    if (problem !== null) return problem;
  }
  // Rare shapes that only the URL API can judge: numeric hosts and punycode.
  if ((shape & (LAST_LABEL_DIGIT | HOST_PUNYCODE)) !== 0) {
    const normalised = normaliseTarget(target);
    if (!normalised.ok || normalised.target !== target) return 'not-normalised';
  }
  return null;
}

/** What `readCanonicalShape` reads, for a target the pattern accepts with percent escapes in its path. */
function shapeByPattern(target: string): number {
  const slash = target.indexOf('/');
  const hostEnd = slash < 0 ? target.length : slash;
  const punycode = target.indexOf('xn--');
  let flags = isDigit(target.charCodeAt(target.lastIndexOf('.', hostEnd - 1) + 1)) ? LAST_LABEL_DIGIT : 0;
  if (punycode >= 0 && punycode < hostEnd) flags |= HOST_PUNYCODE;
  if (target.includes('/.')) flags |= PATH_DOT_SEGMENT;
  return hostEnd * SHAPE_FLAGS + flags;
}

function diagnose(target: string): TargetProblem {
  if (NON_ASCII.test(target)) return 'non-ascii';
  if (SPACE_OR_CONTROL.test(target)) return 'whitespace';
  if (target.includes('://') || target.startsWith('//')) return 'scheme';
  const cut = target.search(HOST_END);
  const host = cut < 0 ? target : target.slice(0, cut);
  const rest = cut < 0 ? '' : target.slice(cut);
  if (host.includes('@')) return 'credentials';
  if (SCHEME.test(target)) return 'scheme';
  if (host.includes(':')) return 'port';
  if (/[?#]/.test(rest)) return 'query-or-fragment';
  if (UPPER.test(target)) return 'not-lower-case';
  if (host.endsWith('.')) return 'trailing-dot';
  return hostProblem(host) ?? (rest.endsWith('/') ? 'invalid-path' : (pathProblem(rest) ?? 'invalid-path'));
}

/**
 * Normalises what a person typed into a target: IDN to punycode and IPv4 to
 * dotted decimal (the URL API's rules), lower case, no trailing dot or slash.
 * A scheme, port, credentials, query, fragment or any white space is refused
 * rather than dropped, since silently widening or narrowing a target would
 * change what it matches.
 */
export function normaliseTarget(input: string): NormalisedTarget {
  if (input.length === 0) return fail('empty');
  if (input.length > MAX_TARGET_LENGTH) return fail('too-long');
  if (SPACE_OR_CONTROL.test(input)) return fail('whitespace');
  if (input.includes('://') || input.startsWith('//')) return fail('scheme');
  const cut = input.search(HOST_END);
  const hostPart = cut < 0 ? input : input.slice(0, cut);
  const rest = cut < 0 ? '' : input.slice(cut);
  if (hostPart.includes('@')) return fail('credentials');
  if (SCHEME.test(input)) return fail('scheme');
  if (hostPart.startsWith('[')) return fail('invalid-host');
  if (hostPart.includes(':')) return fail('port');
  if (/[?#]/.test(rest)) return fail('query-or-fragment');
  if (rest.includes('\\')) return fail('invalid-path');
  const host = hostPart.endsWith('.') ? hostPart.slice(0, -1) : hostPart;
  if (host === '') return fail('empty');

  let url: URL;
  try {
    url = new URL(`http://${host}${rest === '' ? '/' : rest}`);
  } catch {
    return fail('invalid-host');
  }
  if (url.username !== '' || url.password !== '') return fail('credentials');
  if (url.port !== '') return fail('port');
  const hostname = url.hostname;
  if (hostname.endsWith('.')) return fail('trailing-dot');
  const problem = hostProblem(hostname);
  if (problem !== null) return fail(problem);

  const path = url.pathname.toLowerCase().replace(/\/+$/, '');
  const badPath = pathProblem(path);
  if (badPath !== null) return fail(badPath);
  const target = hostname + path;
  if (target.length > MAX_TARGET_LENGTH) return fail('too-long');
  return { ok: true, target };
}
