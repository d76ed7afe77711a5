/**
 * The unregistered-exchange detector on the real-world corpus (test/fixtures/corpus-real/exchanger):
 * exchanger and other pages modelled on real pages, each with its source address. The pages are
 * split into a tune part and a test part by a hash of their file name, so that the split is fixed
 * before anyone looks at a score; only the tune part may guide changes to the detector.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { collectPageSample, scorePage, UNREGISTERED_THRESHOLD } from '../../lib/detect/unregistered';
import type { PageSample } from '../../lib/detect/unregistered/types';
import { bestRecallAtPrecision, leaveOneOutScores, wordsOf } from './word-statistics-peer';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const REAL_CORPUS_DIR = join(ROOT, 'test/fixtures/corpus-real/exchanger');

/** The targets for this corpus's test part. */
export const REAL_TARGETS = { precision: 0.95, recall: 0.9 } as const;

export interface RealPage {
  id: string;
  positive: boolean;
  url: string;
  part: 'tune' | 'test';
  html: string;
}

export interface RealMetrics {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
}

export interface RealReport {
  pages: number;
  byPart: Record<'tune' | 'test', RealMetrics>;
  /**
   * The same when the site memory is in play: a page also counts as flagged when another page of
   * its host in the corpus reached the threshold on its own words alone (`memorable`), as it would
   * after the user had visited that page first.
   */
  withSiteMemory: Record<'tune' | 'test', RealMetrics>;
  wrong: { id: string; part: string; expected: boolean; score: number; signals: string }[];
  /**
   * The tune part at lower thresholds than the detector's: how much recall its own evidence could
   * buy, and at what precision. Only the tune part, which may guide changes, is swept.
   */
  tuneSweep: (RealMetrics & { threshold: number })[];
  /**
   * The highest recall on the tune part at the target precision, at any threshold: for the
   * detector's score, and for a word-statistics classifier trained on the tune part leave-one-out
   * (word-statistics-peer.ts), a peer that writes no rules at all.
   */
  tuneCeiling: { detector: number; wordStatistics: number };
}

/** Thresholds of the sweep, up to the detector's own. */
const SWEEP = [0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5]
  .filter((threshold) => threshold < UNREGISTERED_THRESHOLD)
  .concat(UNREGISTERED_THRESHOLD);

/** FNV-1a over the file's corpus id: a split nobody chose page by page. */
export function partOf(id: string): 'tune' | 'test' {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % 2 === 0 ? 'test' : 'tune';
}

export function loadRealCorpus(dir = REAL_CORPUS_DIR): RealPage[] {
  const pages: RealPage[] = [];
  for (const label of ['positive', 'negative'] as const) {
    for (const file of readdirSync(join(dir, label))
      .filter((f) => f.endsWith('.html'))
      .sort()) {
      const html = readFileSync(join(dir, label, file), 'utf8');
      const url = /<meta name="qorgan-test-url" content="([^"]*)"/u.exec(html)?.[1];
      if (url === undefined) throw new Error(`${label}/${file} has no qorgan-test-url`);
      const id = `${label}/${file}`;
      pages.push({ id, positive: label === 'positive', url, part: partOf(id), html });
    }
  }
  return pages;
}

/** What the detector reads of a corpus page, as the evaluation samples it. */
export function sampleRealPage(page: RealPage): PageSample {
  const { document } = parseHTML(page.html);
  return collectPageSample(document, { maxChars: 8_000 });
}

export function scoreRealPage(
  page: RealPage,
  sample = sampleRealPage(page),
): { score: number; signals: string[]; memorable?: boolean } {
  return scorePage(sample, new URL(page.url).hostname, page.url);
}

/** The words of everything the detector reads on a page: its title, headings, text and controls. */
function sampleWords(s: PageSample): Set<string> {
  return wordsOf(
    [s.title, s.description, ...s.headings, s.text, ...s.buttons, ...s.options, ...s.tableRows].join(' '),
  );
}

function metrics(rows: { expected: boolean; predicted: boolean }[]): RealMetrics {
  const tp = rows.filter((r) => r.expected && r.predicted).length;
  const fp = rows.filter((r) => !r.expected && r.predicted).length;
  const fn = rows.filter((r) => r.expected && !r.predicted).length;
  const tn = rows.length - tp - fp - fn;
  return {
    tp,
    fp,
    fn,
    tn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
  };
}

export function evaluateRealCorpus(pages = loadRealCorpus()): RealReport {
  const rows = pages.map((page) => {
    const sample = sampleRealPage(page);
    const { score, signals, memorable } = scoreRealPage(page, sample);
    return {
      page,
      sample,
      score,
      signals,
      memorable,
      expected: page.positive,
      predicted: score >= UNREGISTERED_THRESHOLD,
    };
  });
  /** A part's figures were the detector to flag at `threshold`. */
  const partAt = (p: 'tune' | 'test', threshold: number) =>
    metrics(
      rows
        .filter((r) => r.page.part === p)
        .map((r) => ({ expected: r.expected, predicted: r.score >= threshold })),
    );
  const part = (p: 'tune' | 'test') => partAt(p, UNREGISTERED_THRESHOLD);
  const remembered = new Set(
    rows.filter((r) => r.predicted && r.memorable === true).map((r) => new URL(r.page.url).hostname),
  );
  const memoryPart = (p: 'tune' | 'test') =>
    metrics(
      rows
        .filter((r) => r.page.part === p)
        .map((r) => ({ ...r, predicted: r.predicted || remembered.has(new URL(r.page.url).hostname) })),
    );
  return {
    pages: pages.length,
    byPart: { tune: part('tune'), test: part('test') },
    withSiteMemory: { tune: memoryPart('tune'), test: memoryPart('test') },
    tuneSweep: SWEEP.map((threshold) => ({ threshold, ...partAt('tune', threshold) })),
    tuneCeiling: tuneCeiling(rows.filter((r) => r.page.part === 'tune')),
    wrong: rows
      .filter((r) => r.expected !== r.predicted)
      .map((r) => ({
        id: r.page.id,
        part: r.page.part,
        expected: r.expected,
        score: r.score,
        signals: r.signals.join(' '),
      })),
  };
}

function tuneCeiling(
  rows: { page: RealPage; sample: PageSample; score: number }[],
): RealReport['tuneCeiling'] {
  const learned = leaveOneOutScores(
    rows.map((r) => ({ positive: r.page.positive, words: sampleWords(r.sample) })),
  );
  return {
    detector: bestRecallAtPrecision(
      rows.map((r) => ({ positive: r.page.positive, score: r.score })),
      REAL_TARGETS.precision,
    ),
    wordStatistics: bestRecallAtPrecision(
      rows.map((r, i) => ({ positive: r.page.positive, score: learned[i] ?? 0 })),
      REAL_TARGETS.precision,
    ),
  };
}

/**
 * Prints the report the way `npm run eval:detect` shows it, the test part's wrong pages only with
 * `showTest`; true when the test part meets the targets.
 */
export function printRealCorpus(report = evaluateRealCorpus(), showTest = false): boolean {
  const f = (x: number): string => x.toFixed(3);
  console.log(`\nunregistered, real-world corpus — ${report.pages} pages`);
  for (const [name, m] of Object.entries(report.byPart)) {
    console.log(
      `  ${name.padEnd(5)} precision ${f(m.precision)}  recall ${f(m.recall)}  (tp ${m.tp}, fp ${m.fp}, fn ${m.fn}, tn ${m.tn})`,
    );
  }
  for (const [name, m] of Object.entries(report.withSiteMemory)) {
    console.log(
      `  ${name.padEnd(5)} with site memory: precision ${f(m.precision)}  recall ${f(m.recall)}  (tp ${m.tp}, fp ${m.fp}, fn ${m.fn}, tn ${m.tn})`,
    );
  }
  console.log(
    `  target on the test part: precision >= ${REAL_TARGETS.precision}, recall >= ${REAL_TARGETS.recall}`,
  );
  console.log(`  tune part at lower thresholds (the detector flags at ${UNREGISTERED_THRESHOLD}):`);
  for (const m of report.tuneSweep)
    console.log(
      `    score >= ${String(m.threshold).padEnd(3)}  precision ${f(m.precision)}  recall ${f(m.recall)}  (tp ${m.tp}, fp ${m.fp})`,
    );
  console.log(
    `  tune part, best recall at precision >= ${REAL_TARGETS.precision} at any threshold: the detector ${f(report.tuneCeiling.detector)}, a word-statistics classifier trained leave-one-out on the tune part ${f(report.tuneCeiling.wordStatistics)}`,
  );
  // The test part is scored, not studied: its pages are listed only when asked for.
  const shown = report.wrong.filter((w) => showTest || w.part === 'tune');
  for (const w of shown)
    console.log(
      `  WRONG [${w.part}] ${w.id}: expected ${w.expected ? 'unregistered' : 'none'}, score ${w.score}  [${w.signals}]`,
    );
  const hidden = report.wrong.length - shown.length;
  if (hidden > 0) console.log(`  (${hidden} test-part pages wrong; listed with --show-test)`);
  const test = report.byPart.test;
  return test.precision >= REAL_TARGETS.precision && test.recall >= REAL_TARGETS.recall;
}
