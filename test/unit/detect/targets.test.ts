import { describe, expect, it } from 'vitest';
import {
  evaluateLookalike,
  evaluateUnregistered,
  flaggedRealWorldAllowlist,
  loadBrands,
  loadCorpus,
  loadHostCases,
  TARGETS,
  TEST_BRANDS,
} from '../../eval/evaluate-detectors';

describe('detector targets', () => {
  it('has the corpus the issue asks for', () => {
    const pages = loadCorpus();
    expect(pages.filter((p) => p.positive).length).toBeGreaterThanOrEqual(40);
    expect(pages.filter((p) => !p.positive).length).toBeGreaterThanOrEqual(60);
    expect(loadHostCases().length).toBeGreaterThanOrEqual(200);
  });

  it('unregistered: precision >= 0.97 and recall >= 0.85', () => {
    const { metrics, wrong } = evaluateUnregistered();
    expect(metrics.precision, JSON.stringify(wrong, null, 1)).toBeGreaterThanOrEqual(
      TARGETS.unregistered.precision,
    );
    expect(metrics.recall, JSON.stringify(wrong, null, 1)).toBeGreaterThanOrEqual(
      TARGETS.unregistered.recall,
    );
  });

  for (const [name, brands] of [
    ['the bundled registry', loadBrands().brands],
    ['the fixed test brands', TEST_BRANDS],
  ] as const) {
    it(`lookalike with ${name}: precision >= 0.99 and recall >= 0.90`, () => {
      const { metrics, wrong } = evaluateLookalike(undefined, brands);
      expect(metrics.precision, JSON.stringify(wrong, null, 1)).toBeGreaterThanOrEqual(
        TARGETS.lookalike.precision,
      );
      expect(metrics.recall, JSON.stringify(wrong, null, 1)).toBeGreaterThanOrEqual(TARGETS.lookalike.recall);
    });

    it(`lookalike with ${name}: flags none of an independent list of real domains`, () => {
      expect(flaggedRealWorldAllowlist(brands).flagged).toEqual([]);
    });
  }
});
