/**
 * Whether a target has the canonical shape, read character by character:
 * labels of `[a-z0-9_-]` (1 to 63 characters, no hyphen at either end), at
 * least two of them, then any number of non-empty path segments. It answers
 * exactly what the canonical-target pattern in normalise-target.ts answers
 * for every string without `%`, and `false` for any string with one (percent
 * escapes are left to the pattern). A unit test holds the two together.
 *
 * Hand-written because a sync checks every entry's target: the pattern's
 * backtracking over each label was a tenth of the worker's work in a full
 * sync of 100,000 entries, this loop a fraction of that.
 */

const LABEL = 1;
const PATH = 2;
const HYPHEN = 0x2d;
const DOT = 0x2e;
const SLASH = 0x2f;
const ZERO = 0x30;
const NINE = 0x39;
const MAX_LABEL = 63;

const CLASSES = /* @__PURE__ */ (() => {
  const table = new Uint8Array(128);
  const mark = (chars: string, bits: number) => {
    for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)]! |= bits;
  };
  mark('abcdefghijklmnopqrstuvwxyz0123456789_', LABEL | PATH);
  mark("-.~!$&'()*+,;=:@", PATH);
  return table;
})();

function classOf(code: number): number {
  return code < 128 ? (CLASSES[code] ?? 0) : 0;
}

export function hasCanonicalShape(target: string): boolean {
  return readCanonicalShape(target) !== NOT_CANONICAL;
}

export const NOT_CANONICAL = -1;
/** Flags of a `readCanonicalShape` answer; the host's length is the answer divided by `SHAPE_FLAGS`. */
export const LAST_LABEL_DIGIT = 1;
export const HOST_PUNYCODE = 2;
export const PATH_DOT_SEGMENT = 4;
export const SHAPE_FLAGS = 8;

/**
 * `hasCanonicalShape`, and for a target of that shape what the rest of the check needs, read in
 * the same pass: the host's length, whether its last label starts with a digit, whether it holds
 * `xn--`, and whether a path segment starts with a dot. `NOT_CANONICAL` for any other string.
 */
export function readCanonicalShape(target: string): number {
  const length = target.length;
  let i = 0;
  let labels = 0;
  let flags = 0;
  let lastLabel: number;
  for (;;) {
    const start = i;
    for (; i < length; i++) {
      const code = target.charCodeAt(i);
      if ((classOf(code) & LABEL) !== 0) continue;
      if (code !== HYPHEN) break;
      if (i >= start + 3 && target.startsWith('xn-', i - 3)) flags |= HOST_PUNYCODE;
    }
    if (i === start || i - start > MAX_LABEL) return NOT_CANONICAL;
    if (target.charCodeAt(start) === HYPHEN || target.charCodeAt(i - 1) === HYPHEN) return NOT_CANONICAL;
    labels++;
    lastLabel = start;
    if (i < length && target.charCodeAt(i) === DOT) i++;
    else break;
  }
  if (labels < 2) return NOT_CANONICAL;
  const hostEnd = i;
  const first = target.charCodeAt(lastLabel);
  if (first >= ZERO && first <= NINE) flags |= LAST_LABEL_DIGIT;
  while (i < length) {
    if (target.charCodeAt(i) !== SLASH) return NOT_CANONICAL;
    const start = ++i;
    while (i < length && (classOf(target.charCodeAt(i)) & PATH) !== 0) i++;
    if (i === start) return NOT_CANONICAL;
    if (target.charCodeAt(start) === DOT) flags |= PATH_DOT_SEGMENT;
  }
  return hostEnd * SHAPE_FLAGS + flags;
}
