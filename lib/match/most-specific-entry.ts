import type { EntryStatus } from '../registry/types';
import {
  HAS_PATHS,
  NO_ENTRY,
  RECORD_VALUE,
  STATUS_BY_CODE,
  STATUS_MASK,
  ordinalOf,
  type CompactIndex,
} from './compact-index';
import { findKey } from './find-key';
import { HASH_SEED_A, HASH_SEED_B, absorbA, absorbB, keyHigh, keyLow } from './target-key-hash';

export interface IndexMatch {
  /** Position of the entry in the payload it was built from: the store reads its details by this. */
  ordinal: number;
  status: EntryStatus;
  /** The matched target in normalised form (`binance.com/en-kz`), rebuilt from the host and path. */
  target: string;
  /** Length of the matched host suffix. */
  hostLength: number;
  /** Length of the matched path prefix; 0 for a host target. */
  pathLength: number;
}

export interface MatchOptions {
  /** Match the host itself only, never a parent domain: for IP literals, whose "labels" are no domains. */
  wholeHostOnly?: boolean;
}

const DOT = 0x2e;
const SLASH = 0x2f;

/**
 * The most specific entry for a host and path (docs/registry-format.md, "Matching"): a host target
 * matches its host and every subdomain; a host+path target also needs the path
 * to equal its prefix or continue it after a `/`; the longest host wins, then
 * the longest path. `host` must be lower-case ASCII without a trailing dot and
 * `path` the lower-cased URL path, as parseLookupInput returns them.
 *
 * One pass over the host from its end computes the key of every suffix, each
 * looked up once; a later (longer) suffix that matches replaces an earlier one.
 */
export function matchHost(
  index: CompactIndex,
  host: string,
  path: string,
  options?: MatchOptions,
): IndexMatch | null {
  if (index.keyCount === 0) return null;
  const wholeHostOnly = options?.wholeHostOnly ?? false;
  const records = index.records;
  let a = HASH_SEED_A;
  let b = HASH_SEED_B;
  let bestValue = -1;
  let bestHostStart = 0;
  let bestPathLength = 0;

  for (let i = host.length - 1; i >= 0; i--) {
    const c = host.charCodeAt(i);
    a = absorbA(a, c);
    b = absorbB(b, c);
    if (i > 0 && (wholeHostOnly || host.charCodeAt(i - 1) !== DOT)) continue;

    const offset = findKey(index, keyHigh(a, b), keyLow(a, b));
    if (offset < 0) continue;
    const value = records[offset + RECORD_VALUE] ?? 0;
    let pathValue = -1;
    let pathLength = 0;

    if ((value & HAS_PATHS) !== 0) {
      let pa = a;
      let pb = b;
      for (let j = 0; j <= path.length; j++) {
        const pc = j < path.length ? path.charCodeAt(j) : SLASH;
        if (pc === SLASH && j > 0 && path.charCodeAt(j - 1) !== SLASH) {
          const pathOffset = findKey(index, keyHigh(pa, pb), keyLow(pa, pb));
          if (pathOffset >= 0) {
            pathValue = records[pathOffset + RECORD_VALUE] ?? 0;
            pathLength = j;
          }
        }
        pa = absorbA(pa, pc);
        pb = absorbB(pb, pc);
      }
    }

    if (pathValue >= 0 && (pathValue & STATUS_MASK) !== NO_ENTRY) {
      bestValue = pathValue;
      bestPathLength = pathLength;
      bestHostStart = i;
    } else if ((value & STATUS_MASK) !== NO_ENTRY) {
      bestValue = value;
      bestPathLength = 0;
      bestHostStart = i;
    }
  }

  if (bestValue < 0) return null;
  const matchedHost = bestHostStart === 0 ? host : host.slice(bestHostStart);
  return {
    ordinal: ordinalOf(bestValue),
    status: STATUS_BY_CODE[bestValue & STATUS_MASK] ?? 'warning',
    target: bestPathLength === 0 ? matchedHost : matchedHost + path.slice(0, bestPathLength),
    hostLength: host.length - bestHostStart,
    pathLength: bestPathLength,
  };
}
