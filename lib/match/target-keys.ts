import { splitTarget } from './split-target';
import { HASH_SEED_A, HASH_SEED_B, absorbA, absorbB, keyHigh, keyLow, targetKey } from './target-key-hash';

/** Where `writeTargetKeys` puts a target's keys: host key, then path key. */
export const HOST_HIGH = 0;
export const HOST_LOW = 1;
export const PATH_HIGH = 2;
export const PATH_LOW = 3;

/**
 * Writes the keys `splitTarget` and `targetKey` give a target into `keys`
 * (indices above) and returns how many there are: 0 for a target with no
 * host, 1 for a host target, 2 for a host+path target. It reads the string in
 * place, folding ASCII case as it goes, because the index build runs it for
 * every entry of a sync, where the lower-cased copy, the host and path slices
 * and the key objects of the two-step way were a good part of the garbage.
 * A target with any non-ASCII character goes the two-step way, whose
 * `toLowerCase` knows all of Unicode.
 */
export function writeTargetKeys(target: string, keys: Uint32Array): number {
  const length = target.length;
  const slash = target.indexOf('/');
  let hostEnd = slash < 0 ? length : slash;
  while (hostEnd > 0 && target.charCodeAt(hostEnd - 1) === 0x2e) hostEnd--;
  if (hostEnd === 0) return 0;
  let a = HASH_SEED_A;
  let b = HASH_SEED_B;
  for (let i = hostEnd - 1; i >= 0; i--) {
    const c = target.charCodeAt(i);
    if (c > 0x7f) return writeSplitKeys(target, keys);
    const lower = lowerAscii(c);
    a = absorbA(a, lower);
    b = absorbB(b, lower);
  }
  keys[HOST_HIGH] = keyHigh(a, b);
  keys[HOST_LOW] = keyLow(a, b);
  if (slash < 0) return 1;
  let pathEnd = length;
  while (pathEnd > slash && target.charCodeAt(pathEnd - 1) === 0x2f) pathEnd--;
  for (let i = slash; i < pathEnd; i++) {
    const c = target.charCodeAt(i);
    if (c > 0x7f) return writeSplitKeys(target, keys);
    const lower = lowerAscii(c);
    a = absorbA(a, lower);
    b = absorbB(b, lower);
  }
  if (pathEnd === slash) return 1;
  keys[PATH_HIGH] = keyHigh(a, b);
  keys[PATH_LOW] = keyLow(a, b);
  return 2;
}

function lowerAscii(code: number): number {
  return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
}

function writeSplitKeys(target: string, keys: Uint32Array): number {
  const split = splitTarget(target);
  if (!split) return 0;
  const host = targetKey(split.host);
  keys[HOST_HIGH] = host.high;
  keys[HOST_LOW] = host.low;
  if (split.path === '') return 1;
  const path = targetKey(split.host, split.path);
  keys[PATH_HIGH] = path.high;
  keys[PATH_LOW] = path.low;
  return 2;
}
