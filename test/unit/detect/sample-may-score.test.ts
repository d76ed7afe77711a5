import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  collectPageSample,
  DEFAULT_SAMPLE_CHARS,
  glanceNamesCryptoAsset,
  sampleCryptoPage,
  scorePage,
  UNREGISTERED_THRESHOLD,
  type PageSample,
} from '../../../lib/detect/unregistered';
import { sampleMayScore } from '../../../lib/detect/unregistered/sample-may-score';
import { loadCorpus } from '../../eval/evaluate-detectors';
import { loadRealCorpus } from '../../eval/exchanger-real-corpus';

/** Every page of both corpora, with the host and address the background would score it at. */
const PAGES = [
  ...loadCorpus().map((p) => ({ id: p.id, html: p.html, host: p.host, address: `https://${p.host}/` })),
  ...loadRealCorpus().map((p) => ({ id: p.id, html: p.html, host: new URL(p.url).hostname, address: p.url })),
];

/** What the background makes of the sampler's answer: the score, or null for no verdict. */
function outcome(sample: PageSample | null, host: string, address: string): number | null {
  if (sample === null) return null;
  const { score } = scorePage(sample, host, address);
  return score >= UNREGISTERED_THRESHOLD ? score : null;
}

describe('the sampler tests its sample as the scorer would', () => {
  it('answers, for every page of both corpora, what the glance and then the sample answered', () => {
    for (const { id, html, host, address } of PAGES) {
      for (const at of [address, `https://${host}/deal/usdt-kaspi?q=sell+tone#top`]) {
        const { document } = parseHTML(html);
        const glanced = glanceNamesCryptoAsset(document)
          ? collectPageSample(document, { maxChars: DEFAULT_SAMPLE_CHARS })
          : null;
        expect(outcome(sampleCryptoPage(document, DEFAULT_SAMPLE_CHARS, at), host, at), id).toBe(
          outcome(glanced, host, at),
        );
      }
    }
  });

  it('lets through no sample that would score, and stops those the scorer gives nothing', () => {
    let stopped = 0;
    for (const { id, html, host, address } of PAGES) {
      const sample = collectPageSample(parseHTML(html).document, { maxChars: DEFAULT_SAMPLE_CHARS });
      if (sampleMayScore(sample, address)) continue;
      stopped++;
      expect(scorePage(sample, host, address).signals, id).toEqual(['no-crypto-asset']);
    }
    expect(stopped).toBeGreaterThan(20);
  });

  it('answers nothing for an ordinary long page, whose sample names no crypto-asset', () => {
    const html = `<html><head><title>Weather</title></head><body>${'<p>Sunny, light wind, a market in Almaty.</p>'.repeat(3000)}</body></html>`;
    const { document } = parseHTML(html);
    expect(sampleMayScore(collectPageSample(document, { maxChars: DEFAULT_SAMPLE_CHARS }))).toBe(false);
    expect(sampleCryptoPage(document, DEFAULT_SAMPLE_CHARS, 'https://weather.kz/')).toBeNull();
  });

  it('is not taken where the address has query words, whose cutting can bring an offer together', () => {
    const sample = collectPageSample(
      parseHTML('<html><body><p>We sell spam tone.</p></body></html>').document,
      { maxChars: DEFAULT_SAMPLE_CHARS },
    );
    expect(sampleMayScore(sample, 'https://shop.kz/')).toBe(false);
    // "sell spam tone" without the echoed "spam" reads "sell  tone": the scorer's offer to sell TON.
    expect(sampleMayScore(sample, 'https://shop.kz/?q=spam')).toBe(true);
    expect(sampleMayScore(sample, 'https://shop.kz/#spam')).toBe(true);
  });
});
