import { collectPageSample, DEFAULT_SAMPLE_CHARS } from './collect-page-sample';
import { glanceNamesCryptoAsset } from './glance-at-page';
import { sampleMayScore } from './sample-may-score';
import { scorePage } from './score-page';
import type { PageSample, PageScore } from './types';

/**
 * The sample the detector scores, of a page that names a crypto-asset; null for any other page.
 * The sample's bounded reading comes first and is tested as the scorer would test it (see
 * sample-may-score.ts); only a sample that passes gets the glance at the wider page, so that most
 * pages cost the reading and no glance. `address` is the page's own.
 */
export function sampleCryptoPage(
  doc: Document,
  maxChars = DEFAULT_SAMPLE_CHARS,
  address?: string,
): PageSample | null {
  const sample = collectPageSample(doc, { maxChars });
  return sampleMayScore(sample, address) && glanceNamesCryptoAsset(doc, maxChars) ? sample : null;
}

/** The unregistered-exchange detector on a document: its sample, if it has one, scored. */
export function assessPage(doc: Document, host: string, maxChars = DEFAULT_SAMPLE_CHARS): PageScore {
  const sample = sampleCryptoPage(doc, maxChars);
  return sample === null ? { score: 0, signals: ['no-crypto-asset'] } : scorePage(sample, host);
}
