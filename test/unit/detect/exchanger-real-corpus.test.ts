import { describe, expect, it } from 'vitest';
import {
  evaluateRealCorpus,
  loadRealCorpus,
  partOf,
  REAL_TARGETS,
  sampleRealPage,
  scoreRealPage,
} from '../../eval/exchanger-real-corpus';
import { UNREGISTERED_THRESHOLD } from '../../../lib/detect/unregistered';

/**
 * The real-world corpus's figures on the test part: precision meets its target (0.95) and is held
 * there; recall is below its target (0.90), and this floor, the figure measured when the detector
 * was last changed (0.622, on the part as the third round left it), keeps it from sliding.
 */
const TEST_PART_FLOOR = { precision: REAL_TARGETS.precision, recall: 0.62 };
/** The same part's recall when the site memory is in play, as last measured (0.649). */
const MEMORY_RECALL_FLOOR = 0.64;

describe('unregistered detector on the real-world corpus', () => {
  const pages = loadRealCorpus();

  it('has at least 40 exchanger pages and 60 others, each with its address', () => {
    expect(pages.filter((p) => p.positive).length).toBeGreaterThanOrEqual(40);
    expect(pages.filter((p) => !p.positive).length).toBeGreaterThanOrEqual(60);
    for (const page of pages) expect(() => new URL(page.url)).not.toThrow();
  });

  it('splits by file name alone, both parts holding both labels', () => {
    expect(partOf('positive/a.html')).toBe(partOf('positive/a.html'));
    for (const part of ['tune', 'test'] as const) {
      expect(pages.some((p) => p.part === part && p.positive)).toBe(true);
      expect(pages.some((p) => p.part === part && !p.positive)).toBe(true);
    }
  });

  it(`keeps the test part at precision >= ${TEST_PART_FLOOR.precision} and recall >= ${TEST_PART_FLOOR.recall}`, () => {
    const { byPart, withSiteMemory, wrong } = evaluateRealCorpus(pages);
    // The test part is scored, not studied: a failure lists the tune part's wrong pages only.
    const detail = JSON.stringify(
      wrong.filter((w) => w.part === 'tune'),
      null,
      1,
    );
    expect(byPart.test.precision, detail).toBeGreaterThanOrEqual(TEST_PART_FLOOR.precision);
    expect(byPart.test.recall, detail).toBeGreaterThanOrEqual(TEST_PART_FLOOR.recall);
    expect(withSiteMemory.test.precision, detail).toBeGreaterThanOrEqual(TEST_PART_FLOOR.precision);
    expect(withSiteMemory.test.recall, detail).toBeGreaterThanOrEqual(MEMORY_RECALL_FLOOR);
  });

  it("sweeps the tune part's thresholds up to the detector's own, recall never rising with the threshold", () => {
    const { byPart, tuneSweep } = evaluateRealCorpus(pages);
    expect(tuneSweep.at(-1)).toEqual({ threshold: UNREGISTERED_THRESHOLD, ...byPart.tune });
    for (let i = 1; i < tuneSweep.length; i++) {
      const [lower, higher] = [tuneSweep[i - 1], tuneSweep[i]];
      expect(higher?.threshold).toBeGreaterThan(lower?.threshold ?? Infinity);
      expect(higher?.recall).toBeLessThanOrEqual(lower?.recall ?? -1);
      expect(higher?.fp).toBeLessThanOrEqual(lower?.fp ?? -1);
    }
  });

  it("finds the detector's best recall at the target precision no lower than any threshold of the sweep", () => {
    const { tuneSweep, tuneCeiling } = evaluateRealCorpus(pages);
    const swept = tuneSweep.filter((m) => m.precision >= REAL_TARGETS.precision).map((m) => m.recall);
    expect(tuneCeiling.detector).toBeGreaterThanOrEqual(Math.max(0, ...swept));
    expect(tuneCeiling.detector).toBeLessThanOrEqual(1);
    expect(tuneCeiling.wordStatistics).toBeGreaterThanOrEqual(0);
    expect(tuneCeiling.wordStatistics).toBeLessThanOrEqual(1);
  });

  it('flags every exchanger page of the tune part that carries an order form', () => {
    const withForm = pages.filter(
      (p) => p.part === 'tune' && p.positive && sampleRealPage(p).fields.length > 0,
    );
    expect(withForm.length).toBeGreaterThanOrEqual(5);
    for (const page of withForm) {
      const { score, memorable } = scoreRealPage(page);
      expect(score, page.id).toBeGreaterThanOrEqual(UNREGISTERED_THRESHOLD);
      expect(memorable, page.id).toBe(true);
    }
  });

  it('leaves a news search page that reflects a crafted exchange offer, a classified ad and a forum post unflagged', () => {
    for (const id of [
      'negative/ru-lada-search-reflected.html',
      'negative/ru-classifieds-one-crypto-ad.html',
      'negative/ru-forumum-choose-exchanger.html',
    ]) {
      const page = pages.find((p) => p.id === id);
      if (page === undefined) throw new Error(`${id} is missing`);
      const { score, memorable } = scoreRealPage(page);
      expect(score, id).toBeLessThan(UNREGISTERED_THRESHOLD);
      expect(memorable, id).not.toBe(true);
    }
  });
});
