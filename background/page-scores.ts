/**
 * The last detector score of each tab's page, so that a verdict asked again
 * (by the page script, after a registry or policy change) keeps what the page
 * itself showed. Kept in memory only: a restarted worker starts empty, and
 * runs the detector again where it is needed. Addresses are compared without
 * their fragment, which does not change the page.
 */
import { withoutFragment } from '../lib/url/without-fragment';

const scores = new Map<number, { url: string; score: number }>();

export function rememberPageScore(tabId: number, url: string, score: number): void {
  scores.set(tabId, { url: withoutFragment(url), score });
}

export function pageScoreFor(tabId: number, url: string): number | undefined {
  const known = scores.get(tabId);
  return known?.url === withoutFragment(url) ? known.score : undefined;
}

export function forgetPageScore(tabId: number): void {
  scores.delete(tabId);
}
