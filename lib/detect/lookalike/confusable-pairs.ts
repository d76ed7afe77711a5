/**
 * The packed form of a table of single characters and their prototypes, as the build writes the
 * TR39 confusables (scripts/vite-packed-data.ts) and the lookalike check reads them
 * (confusable-skeleton.ts): each entry's character followed by its prototype, the entries apart
 * by PAIR_SEPARATOR. A start of the worker parses 30 kB of it instead of 76 kB of indented JSON.
 */

/** Between two entries; a character no entry holds. */
export const PAIR_SEPARATOR = '#';

/** The packed text of `table`; throws for a table the packed form could not give back. */
export function packPairs(table: Record<string, string>): string {
  const entries = Object.entries(table);
  for (const [from, to] of entries) {
    if ([...from].length !== 1)
      throw new Error(`a ?pairs table maps single characters, not ${JSON.stringify(from)}`);
    if (from.includes(PAIR_SEPARATOR) || to.includes(PAIR_SEPARATOR) || to === '')
      throw new Error(`a ?pairs table cannot carry ${JSON.stringify(from)} → ${JSON.stringify(to)}`);
  }
  return entries.map(([from, to]) => from + to).join(PAIR_SEPARATOR);
}

/** The table `packPairs` packed. */
export function unpackPairs(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const pair of text.split(PAIR_SEPARATOR)) {
    const from = String.fromCodePoint(pair.codePointAt(0) ?? 0);
    map.set(from, pair.slice(from.length));
  }
  return map;
}
