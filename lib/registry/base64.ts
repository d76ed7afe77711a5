/**
 * Base64 as RFC 4648 §4 writes it: the standard alphabet, `=` padding, and the
 * unused bits of the last symbol zero. Decoding is strict so that exactly one
 * text stands for each byte string: two different envelopes never carry the
 * same payload or signature.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

const DECODE = /* @__PURE__ */ (() => {
  const table = new Int16Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i += 1) table[ALPHABET.charCodeAt(i)] = i;
  return table;
})();

function sextet(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code < 128 ? (DECODE[code] ?? -1) : -1;
}

type FromBase64 = (text: string, options: { lastChunkHandling: 'strict' }) => Uint8Array<ArrayBuffer>;

/** The platform's decoder where it has one (Chrome 140, Firefox 133): several times faster on megabytes. */
const nativeFromBase64 = (Uint8Array as unknown as { fromBase64?: FromBase64 }).fromBase64;

/** Decodes strict base64; `null` for anything else (wrong alphabet, padding, length or stray bits). */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> | null {
  const length = text.length;
  if (length % 4 !== 0) return null;
  if (length === 0) return new Uint8Array(0);
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const expected = (length / 4) * 3 - padding;
  if (nativeFromBase64) return decodeNatively(nativeFromBase64, text, expected);
  const out = new Uint8Array(expected);
  const fullQuads = padding === 0 ? length : length - 4;
  let o = 0;
  for (let i = 0; i < fullQuads; i += 4) {
    const a = sextet(text, i);
    const b = sextet(text, i + 1);
    const c = sextet(text, i + 2);
    const d = sextet(text, i + 3);
    if ((a | b | c | d) < 0) return null;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    out[o] = n >>> 16;
    out[o + 1] = (n >>> 8) & 0xff;
    out[o + 2] = n & 0xff;
    o += 3;
  }
  if (padding > 0) {
    const a = sextet(text, length - 4);
    const b = sextet(text, length - 3);
    if ((a | b) < 0) return null;
    if (padding === 2) {
      if ((b & 0x0f) !== 0) return null;
      out[o] = (a << 2) | (b >>> 4);
    } else {
      const c = sextet(text, length - 2);
      if (c < 0 || (c & 0x03) !== 0) return null;
      out[o] = (a << 2) | (b >>> 4);
      out[o + 1] = ((b & 0x0f) << 4) | (c >>> 2);
    }
  }
  return out;
}

/**
 * `strict` refuses stray bits and missing padding; white space, which the platform skips, would
 * leave fewer bytes than the text's length promises, so a short result is refused too.
 */
export function decodeNatively(
  fromBase64: FromBase64,
  text: string,
  expected: number,
): Uint8Array<ArrayBuffer> | null {
  try {
    const out = fromBase64(text, { lastChunkHandling: 'strict' });
    return out.length === expected ? out : null;
  } catch {
    return null;
  }
}

const ENCODE = /* @__PURE__ */ (() => {
  const table = new Uint8Array(64);
  for (let i = 0; i < ALPHABET.length; i += 1) table[i] = ALPHABET.charCodeAt(i);
  return table;
})();

function symbol(index: number): number {
  return ENCODE[index & 63] ?? 0;
}

/** Encodes bytes as standard, padded base64. */
export function encodeBase64(bytes: Uint8Array): string {
  const length = bytes.length;
  const out = new Uint8Array(Math.ceil(length / 3) * 4);
  let o = 0;
  let i = 0;
  for (; i + 2 < length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out[o] = symbol(n >>> 18);
    out[o + 1] = symbol(n >>> 12);
    out[o + 2] = symbol(n >>> 6);
    out[o + 3] = symbol(n);
    o += 4;
  }
  const rest = length - i;
  if (rest > 0) {
    const n = ((bytes[i] ?? 0) << 16) | (rest === 2 ? (bytes[i + 1] ?? 0) << 8 : 0);
    out[o] = symbol(n >>> 18);
    out[o + 1] = symbol(n >>> 12);
    out[o + 2] = rest === 2 ? symbol(n >>> 6) : 0x3d;
    out[o + 3] = 0x3d;
  }
  return new TextDecoder().decode(out);
}
