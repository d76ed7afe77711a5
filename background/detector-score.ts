/**
 * The detector's score for a tab's page: the score of that very page when the detector ran on it,
 * else the remembered score of its site (exchanger-sites.ts).
 */
import { exchangerSiteScore } from './exchanger-sites';
import { pageScoreFor } from './page-scores';

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

export async function detectorScoreFor(tabId: number, url: string, now: Date): Promise<number | undefined> {
  return pageScoreFor(tabId, url) ?? (await exchangerSiteScore(hostOf(url), now));
}
