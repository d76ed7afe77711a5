/**
 * Word-bounded matching that stays fast on long text. A leading look-behind for a letter makes
 * V8 test it at every position, several times slower than the pattern itself; so patterns carry
 * only their trailing boundary, and the leading one is checked here on each match. Text is
 * folded (see fold-text.ts), so one small character class tells a word character.
 */
import { WORD_START } from './fold-text';

let wordChar: RegExp | null = null;

function startsAtBoundary(text: string, index: number, match: string): boolean {
  wordChar ??= new RegExp(`[${WORD_START}]`);
  if (index === 0 || !wordChar.test(match.charAt(0))) return true;
  return !wordChar.test(text.charAt(index - 1));
}

/**
 * Calls `found` with each match of a global pattern that starts a word, until it returns true.
 * A plain `exec` loop: this runs for every pattern over the whole sample.
 */
function eachWord(pattern: RegExp, text: string, found: (m: RegExpExecArray) => boolean | void): void {
  pattern.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(text)) !== null) {
    if (m[0] === '') pattern.lastIndex++;
    if (startsAtBoundary(text, m.index, m[0]) && found(m) === true) break;
  }
  pattern.lastIndex = 0;
}

export function hasWord(pattern: RegExp, text: string): boolean {
  let any = false;
  eachWord(pattern, text, () => (any = true));
  return any;
}

export function countWords(pattern: RegExp, text: string): number {
  let n = 0;
  eachWord(pattern, text, () => void n++);
  return n;
}

/** How many different strings the pattern matches; `original` (the text before folding) names them. */
export function distinctWords(pattern: RegExp, text: string, original: string = text): number {
  const seen = new Set<string>();
  eachWord(pattern, text, (m) => void seen.add(original.slice(m.index, m.index + m[0].length)));
  return seen.size;
}

export function wordPositions(pattern: RegExp, text: string): number[] {
  const positions: number[] = [];
  eachWord(pattern, text, (m) => void positions.push(m.index));
  return positions;
}
