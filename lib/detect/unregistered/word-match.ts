/**
 * Word-bounded matching that stays fast on long text. A leading `(?<![\p{L}\p{N}])` look-behind
 * makes V8 test it at every position, several times slower than the pattern itself; so patterns
 * carry only their trailing boundary, and the leading one is checked here on each match.
 */

const WORD_CHAR = /[\p{L}\p{N}]/u;

function startsAtBoundary(text: string, index: number, match: string): boolean {
  if (index === 0 || !WORD_CHAR.test(match.charAt(0))) return true;
  return !WORD_CHAR.test(text.charAt(index - 1));
}

/** Matches of a global pattern that start a word. */
export function* wordMatches(pattern: RegExp, text: string): Generator<RegExpExecArray> {
  pattern.lastIndex = 0;
  for (const m of text.matchAll(pattern)) {
    if (startsAtBoundary(text, m.index, m[0])) yield m as RegExpExecArray;
  }
}

export function hasWord(pattern: RegExp, text: string): boolean {
  for (const _ of wordMatches(pattern, text)) return true;
  return false;
}

export function countWords(pattern: RegExp, text: string): number {
  let n = 0;
  for (const _ of wordMatches(pattern, text)) n++;
  return n;
}

/** How many different strings the pattern matches. */
export function distinctWords(pattern: RegExp, text: string): number {
  const seen = new Set<string>();
  for (const m of wordMatches(pattern, text)) seen.add(m[0]);
  return seen.size;
}

export function wordPositions(pattern: RegExp, text: string): number[] {
  return Array.from(wordMatches(pattern, text), (m) => m.index);
}
