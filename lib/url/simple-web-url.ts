/**
 * A fast path for the URLs a browser reports for almost every page:
 * `http(s)://` + a lower-case ASCII host + a plain path. For exactly these the
 * URL parser's result is known (nothing to decode, map or resolve), so the
 * host and path can be cut out directly; anything else returns null and goes
 * through the URL API. A property test holds the two paths to the same answer.
 */

export interface SimpleWebUrl {
  host: string;
  /** Lower-cased path without query or fragment; `/` when empty. */
  path: string;
}

const CHAR_SLASH = 0x2f;
const CHAR_DOT = 0x2e;
const CHAR_QUESTION = 0x3f;
const CHAR_HASH = 0x23;

const HOST_CHARACTER = 1;
const PATH_CHARACTER = 2;

/**
 * Character classes for ASCII. Host: lower-case letters, digits, `-` and `.`.
 * Path: the characters the URL parser keeps as they are in a special URL, that
 * is ASCII letters and digits and `-._~!$&'()*+,;=:@/`. Left out of the path on
 * purpose: `%` (encoded dots can form dot segments), `\` (read as `/`), and
 * everything the parser would percent-encode or strip.
 */
const CHARACTER_CLASS = (() => {
  const table = new Uint8Array(128);
  const mark = (characters: string, flag: number): void => {
    for (const character of characters) table[character.charCodeAt(0)]! |= flag;
  };
  const lower = 'abcdefghijklmnopqrstuvwxyz';
  mark(`${lower}0123456789-.`, HOST_CHARACTER | PATH_CHARACTER);
  mark(`${lower.toUpperCase()}_~!$&'()*+,;=:@/`, PATH_CHARACTER);
  return table;
})();

function hasClass(c: number, flag: number): boolean {
  return c < 128 && ((CHARACTER_CLASS[c] ?? 0) & flag) !== 0;
}

export function parseSimpleWebUrl(text: string): SimpleWebUrl | null {
  let start: number;
  if (text.startsWith('https://')) start = 8;
  else if (text.startsWith('http://')) start = 7;
  else return null;

  let i = start;
  let lastLabelStart = start;
  let previous = CHAR_DOT;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === CHAR_SLASH || c === CHAR_QUESTION || c === CHAR_HASH) break;
    if (!hasClass(c, HOST_CHARACTER)) return null;
    if (c === CHAR_DOT) {
      if (previous === CHAR_DOT) return null;
      lastLabelStart = i + 1;
    }
    previous = c;
  }
  // Empty host, an empty label, a trailing dot, or a host that ends in a number
  // (an IPv4 address in one of its many spellings) is left to the URL API.
  if (i === start || previous === CHAR_DOT) return null;
  const last = text.charCodeAt(lastLabelStart);
  if (last < 0x61 || last > 0x7a) return null;
  const host = text.slice(start, i);
  // Punycode labels must be validated by the URL API's IDNA step.
  if (host.includes('xn--')) return null;

  // Nothing after `?` or `#` can change the host or the path.
  if (i === text.length || text.charCodeAt(i) !== CHAR_SLASH) return { host, path: '/' };
  const pathStart = i;
  let end = text.length;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === CHAR_QUESTION || c === CHAR_HASH) {
      end = i;
      break;
    }
    if (!hasClass(c, PATH_CHARACTER)) return null;
    // A dot segment (`/.`, `/..`) is resolved by the URL parser: leave it to it.
    if (c === CHAR_DOT && text.charCodeAt(i - 1) === CHAR_SLASH) return null;
  }
  return { host, path: text.slice(pathStart, end).toLowerCase() };
}
