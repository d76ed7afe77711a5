/**
 * Which of many plain stems a text holds, in one pass. A family of the vocabulary runs its pattern
 * only where one of its stems is in the text; a separate `includes` per stem reads the whole
 * sample once for each of a hundred stems, which cost more than the patterns themselves. One
 * look-ahead over an alternation of every stem, longest first, reads it once: at each position it
 * names the longest stem that starts there, and the shorter ones that start there are its
 * prefixes, so the answer is the same as an `includes` per stem.
 */

export type StemScan = (text: string) => Set<string>;

function escaped(stem: string): string {
  return stem.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

export function stemScanner(stems: readonly string[]): StemScan {
  const unique = [...new Set(stems)].filter((stem) => stem !== '').sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(?=(${unique.map(escaped).join('|')}))`, 'gu');
  return (text) => {
    const starts = new Set<string>();
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      starts.add(m[1] ?? '');
      pattern.lastIndex = m.index + 1;
    }
    pattern.lastIndex = 0;
    const present = new Set<string>();
    for (const stem of unique)
      for (const found of starts)
        if (found.startsWith(stem)) {
          present.add(stem);
          break;
        }
    return present;
  };
}
