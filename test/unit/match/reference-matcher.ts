import type { EntryStatus } from '../../../lib/registry/types';

export interface ReferenceEntry {
  target: string;
  status: EntryStatus;
}

/**
 * The matching rules of docs/registry-format.md ("Matching") written as plainly as possible, for comparison: every entry is
 * checked; the host must equal the target's host or end with `.` + it; a path
 * prefix must equal the path or be followed by `/` in it; the longest host
 * wins, then the longest path, then the earliest entry.
 */
export function referenceMatch(
  entries: readonly ReferenceEntry[],
  host: string,
  path: string,
): { ordinal: number; target: string } | null {
  let best: { ordinal: number; target: string; hostLength: number; pathLength: number } | null = null;
  entries.forEach((entry, ordinal) => {
    const slash = entry.target.indexOf('/');
    const targetHost = slash < 0 ? entry.target : entry.target.slice(0, slash);
    const targetPath = slash < 0 ? '' : entry.target.slice(slash).replace(/\/+$/, '');
    const hostMatches = host === targetHost || host.endsWith(`.${targetHost}`);
    const pathMatches = targetPath === '' || path === targetPath || path.startsWith(`${targetPath}/`);
    if (!hostMatches || !pathMatches) return;
    const candidate = {
      ordinal,
      target: targetHost + targetPath,
      hostLength: targetHost.length,
      pathLength: targetPath.length,
    };
    if (
      !best ||
      candidate.hostLength > best.hostLength ||
      (candidate.hostLength === best.hostLength && candidate.pathLength > best.pathLength)
    ) {
      best = candidate;
    }
  });
  const found = best as { ordinal: number; target: string } | null;
  return found ? { ordinal: found.ordinal, target: found.target } : null;
}
