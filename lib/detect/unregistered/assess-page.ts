import { collectPageSample, DEFAULT_SAMPLE_CHARS } from './collect-page-sample';
import { glanceNamesCryptoAsset } from './glance-at-page';
import { scorePage } from './score-page';
import type { PageSample, PageScore } from './types';

/**
 * The sample the detector scores, of a page that names a crypto-asset; null for any other page. A
 * glance comes first, so that most pages cost only the glance.
 */
export function sampleCryptoPage(doc: Document, maxChars = DEFAULT_SAMPLE_CHARS): PageSample | null {
  return glanceNamesCryptoAsset(doc, maxChars) ? collectPageSample(doc, { maxChars }) : null;
}

/** The unregistered-exchange detector on a document: its sample, if it has one, scored. */
export function assessPage(doc: Document, host: string, maxChars = DEFAULT_SAMPLE_CHARS): PageScore {
  const sample = sampleCryptoPage(doc, maxChars);
  return sample === null ? { score: 0, signals: ['no-crypto-asset'] } : scorePage(sample, host);
}
