import { collectPageSample, DEFAULT_SAMPLE_CHARS } from './collect-page-sample';
import { glanceNamesCryptoAsset } from './glance-at-page';
import { scorePage } from './score-page';
import type { PageScore } from './types';

/**
 * The unregistered-exchange detector on a document: a glance for any crypto-asset, then, only on
 * a page that names one, a sample of the page and its score.
 */
export function assessPage(doc: Document, host: string, maxChars = DEFAULT_SAMPLE_CHARS): PageScore {
  if (!glanceNamesCryptoAsset(doc, maxChars)) return { score: 0, signals: ['no-crypto-asset'] };
  return scorePage(collectPageSample(doc, { maxChars }), host);
}
