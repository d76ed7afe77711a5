/**
 * The last page-signal score each tab's content script reported, so that a
 * badge computed again (after a registry or policy change) keeps what the
 * page itself showed. Kept in memory only: a restarted worker starts empty.
 */
const scores = new Map<number, { url: string; score: number }>();

export function rememberPageScore(tabId: number, url: string, score: number): void {
  scores.set(tabId, { url, score });
}

export function pageScoreFor(tabId: number, url: string): number | undefined {
  const known = scores.get(tabId);
  return known?.url === url ? known.score : undefined;
}

export function forgetPageScore(tabId: number): void {
  scores.delete(tabId);
}
