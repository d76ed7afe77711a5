/**
 * The 64-bit key of a target, as two 32-bit halves. A host is hashed from its
 * last character to its first, so that one pass over a URL's host yields the
 * key of every label-boundary suffix (`example.com`, then `www.example.com`);
 * a path prefix continues the host's state forwards from its leading `/`, so
 * one pass over the path yields the key of every segment-boundary prefix.
 * The mixing is cyrb53's, kept at its full 64 bits.
 */

export const HASH_SEED_A = 0xdeadbeef | 0;
export const HASH_SEED_B = 0x41c6ce57 | 0;

export function absorbA(state: number, charCode: number): number {
  return Math.imul(state ^ charCode, 2654435761);
}

export function absorbB(state: number, charCode: number): number {
  return Math.imul(state ^ charCode, 1597334677);
}

/** High 32 bits of the key for the state (a, b), unsigned. */
export function keyHigh(a: number, b: number): number {
  return (Math.imul(a ^ (a >>> 16), 2246822507) ^ Math.imul(b ^ (b >>> 13), 3266489909)) >>> 0;
}

/** Low 32 bits of the key for the state (a, b), unsigned. */
export function keyLow(a: number, b: number): number {
  const high = keyHigh(a, b);
  return (Math.imul(b ^ (b >>> 16), 2246822507) ^ Math.imul(high ^ (high >>> 13), 3266489909)) >>> 0;
}

export interface TargetKey {
  high: number;
  low: number;
}

/** Key of a host target (`example.com`) or of a host+path target (`example.com`, `/en-kz`). */
export function targetKey(host: string, path = ''): TargetKey {
  let a = HASH_SEED_A;
  let b = HASH_SEED_B;
  for (let i = host.length - 1; i >= 0; i--) {
    const c = host.charCodeAt(i);
    a = absorbA(a, c);
    b = absorbB(b, c);
  }
  for (let i = 0; i < path.length; i++) {
    const c = path.charCodeAt(i);
    a = absorbA(a, c);
    b = absorbB(b, c);
  }
  return { high: keyHigh(a, b), low: keyLow(a, b) };
}
