/**
 * A peer for the exchanger detector on the real-world corpus's tune part: a word-statistics
 * classifier (Bernoulli naive Bayes over the words of the page's sample) trained on the tune part
 * itself, each page scored by a model trained on all the others (leave-one-out). It answers one
 * question: is the detector's recall on form-less exchanger pages held down by its hand-written
 * rules, or by what the pages say? Only the tune part is used; the test part is never read here.
 *
 * Written by hand rather than taken from a package: it is twenty lines of counting, the model is
 * retrained once per page (a package would rebuild its tables each time), and it runs only in the
 * evaluation, where a dependency would be carried for one figure.
 */

/** A page reduced to the set of its words, with its label. */
export interface WordDoc {
  positive: boolean;
  words: ReadonlySet<string>;
}

/** Lower-case words of three letters or more (letters and digits of any script). */
export function wordsOf(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return new Set(words.filter((w) => w.length >= 3));
}

/**
 * Each document's log-odds of being positive under a model trained on every other document. A
 * word counts only when at least two training documents hold it (a word of one page teaches
 * nothing), and counts are smoothed by a half.
 */
export function leaveOneOutScores(docs: readonly WordDoc[]): number[] {
  const inPos = new Map<string, number>();
  const inNeg = new Map<string, number>();
  for (const doc of docs) {
    const counts = doc.positive ? inPos : inNeg;
    for (const w of doc.words) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const positives = docs.filter((d) => d.positive).length;
  const negatives = docs.length - positives;
  return docs.map((doc) => {
    // The held-out document's own words are taken out of the counts it is scored with.
    const own = doc.positive ? 1 : 0;
    const pos = positives - own;
    const neg = negatives - (1 - own);
    let score = 0;
    for (const w of doc.words) {
      const a = (inPos.get(w) ?? 0) - own;
      const b = (inNeg.get(w) ?? 0) - (1 - own);
      if (a + b < 2) continue;
      score += Math.log((a + 0.5) / (pos + 1)) - Math.log((b + 0.5) / (neg + 1));
    }
    return score;
  });
}

/**
 * The highest recall any threshold on `score` reaches while precision stays at or above
 * `precision`; 0 when none does.
 */
export function bestRecallAtPrecision(
  rows: readonly { positive: boolean; score: number }[],
  precision: number,
): number {
  const positives = rows.filter((r) => r.positive).length;
  if (positives === 0) return 0;
  const thresholds = [...new Set(rows.map((r) => r.score))].sort((a, b) => b - a);
  let best = 0;
  for (const t of thresholds) {
    const flagged = rows.filter((r) => r.score >= t);
    const tp = flagged.filter((r) => r.positive).length;
    if (tp / flagged.length >= precision) best = Math.max(best, tp / positives);
  }
  return best;
}
