import { shardOfKey } from './index-shards';
import { targetKey } from './target-key-hash';

const DOT = 0x2e;
const SLASH = 0x2f;

/**
 * The shards holding every key matchHost (most-specific-entry.ts) may probe
 * for this host and path: each label-boundary suffix of the host and, under
 * each, each segment-boundary prefix of the path (which the matcher probes
 * only under a host that has path targets, so this is a superset).
 */
export function shardsToProbe(host: string, path: string, shardBits: number): Set<number> {
  const shards = new Set<number>();
  for (let i = host.length - 1; i >= 0; i--) {
    if (i > 0 && host.charCodeAt(i - 1) !== DOT) continue;
    const suffix = host.slice(i);
    shards.add(shardOfKey(targetKey(suffix).high, shardBits));
    for (let j = 1; j <= path.length; j++) {
      const ends = j === path.length || path.charCodeAt(j) === SLASH;
      if (ends && path.charCodeAt(j - 1) !== SLASH) {
        shards.add(shardOfKey(targetKey(suffix, path.slice(0, j)).high, shardBits));
      }
    }
  }
  return shards;
}
