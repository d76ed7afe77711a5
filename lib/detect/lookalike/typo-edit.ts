/**
 * A typing or visual slip model, in the spirit of typosquatting generators: a candidate counts as
 * a typo of a brand only when one plausible slip turns the brand into it. Plain edit distance is
 * too loose on short names (it is how "navis" came to look like "oasis"): a random letter swapped
 * for another is not a slip, a neighbouring key or a look-alike glyph is.
 */

export type TypoKind =
  | 'visual'
  | 'adjacent-key'
  | 'vowel-swap'
  | 'transposition'
  | 'repetition'
  | 'insertion'
  | 'omission'
  | 'hyphenation';

const QWERTY_ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
/** How far each row sits to the right, in key widths: keys touch when less than a key apart. */
const ROW_OFFSETS = [0, 0.5, 0.75, 1.25];

function buildAdjacency(): ReadonlyMap<string, ReadonlySet<string>> {
  const adjacency = new Map<string, Set<string>>();
  QWERTY_ROWS.forEach((row, r) => {
    for (let c = 0; c < row.length; c++) {
      const near = new Set<string>();
      const x = c + (ROW_OFFSETS[r] ?? 0);
      QWERTY_ROWS.forEach((other, r2) => {
        if (Math.abs(r2 - r) > 1) return;
        for (let c2 = 0; c2 < other.length; c2++) {
          const distance = Math.abs(c2 + (ROW_OFFSETS[r2] ?? 0) - x);
          if (distance > 0 && distance < 1.01) near.add(other.charAt(c2));
        }
      });
      adjacency.set(row.charAt(c), near);
    }
  });
  return adjacency;
}

/** Built on first use: a worker's start should not pay for a table only lookalike checks read. */
let adjacentKeys: ReadonlyMap<string, ReadonlySet<string>> | null = null;

function isAdjacentKey(key: string, other: string): boolean {
  adjacentKeys ??= buildAdjacency();
  return adjacentKeys.get(key)?.has(other) === true;
}

/** Single glyphs that pass for one another in a URL bar (multi-glyph ones are folded first). */
const VISUAL_GROUPS = ['il1j', 'o0', 'uv', 'gq', 'nh', 'ce'];
const VOWELS = 'aeiou';
const MIN_ANY_INSERTION = 6;

function isVisualPair(a: string, b: string): boolean {
  return VISUAL_GROUPS.some((group) => group.includes(a) && group.includes(b));
}

function substitutionKind(expected: string, typed: string): TypoKind | null {
  if (isVisualPair(expected, typed)) return 'visual';
  if (isAdjacentKey(expected, typed)) return 'adjacent-key';
  if (VOWELS.includes(expected) && VOWELS.includes(typed)) return 'vowel-swap';
  return null;
}

/** Folds multi-glyph look-alikes that TR39 leaves to fonts: vv → w. */
export function foldVisualDigraphs(text: string): string {
  return text.replaceAll('vv', 'w');
}

/**
 * A cheap bound, checked before the slip model because most labels are nowhere near a brand:
 * one insertion, omission, substitution or swap of neighbours at most.
 */
function withinOneEdit(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  const shorter = Math.min(la, lb);
  let p = 0;
  while (p < shorter && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  let q = 0;
  while (q < shorter - p && a.charCodeAt(la - 1 - q) === b.charCodeAt(lb - 1 - q)) q++;
  const rest = Math.max(la, lb) - p - q;
  return rest <= 1 || (la === lb && rest === 2);
}

/**
 * The slip that turns `brand` into `candidate`, or `null` when none does (or they are equal).
 * Omitting the first or last letter of a short brand is not counted: those are mostly other
 * words (ataix → atai, a Kazakh name).
 */
export function typoEdit(candidate: string, brand: string): TypoKind | null {
  if (candidate === brand) return null;
  if (!candidate.includes('vv') && !withinOneEdit(candidate, brand)) return null;
  if (foldVisualDigraphs(candidate) === brand) return 'visual';
  if (candidate.replaceAll('-', '') === brand && candidate.split('-').length === 2) return 'hyphenation';
  const lc = candidate.length;
  const lb = brand.length;
  let p = 0;
  while (p < Math.min(lc, lb) && candidate.charAt(p) === brand.charAt(p)) p++;

  if (lc === lb) {
    if (candidate.slice(p + 1) === brand.slice(p + 1)) {
      return substitutionKind(brand.charAt(p), candidate.charAt(p));
    }
    if (
      candidate.charAt(p) === brand.charAt(p + 1) &&
      candidate.charAt(p + 1) === brand.charAt(p) &&
      candidate.slice(p + 2) === brand.slice(p + 2)
    ) {
      return 'transposition';
    }
    return null;
  }
  if (lc === lb + 1) {
    // p is where candidate first departs; the extra letter may sit anywhere in a run, so test all.
    for (let i = 0; i <= p; i++) {
      if (candidate.slice(0, i) + candidate.slice(i + 1) !== brand) continue;
      const extra = candidate.charAt(i);
      const before = candidate.charAt(i - 1);
      const after = candidate.charAt(i + 1);
      if (extra === before || extra === after) return 'repetition';
      // One stray letter inside a name of six letters or more rarely makes another word.
      if (lb >= MIN_ANY_INSERTION) return 'insertion';
      if (isAdjacentKey(before, extra) || isAdjacentKey(after, extra)) {
        return 'insertion';
      }
    }
    return null;
  }
  if (lc === lb - 1) {
    for (let i = 0; i <= p; i++) {
      if (brand.slice(0, i) + brand.slice(i + 1) !== candidate) continue;
      const doubled = brand.charAt(i) === brand.charAt(i - 1) || brand.charAt(i) === brand.charAt(i + 1);
      const atEdge = i === 0 || i === lb - 1;
      if (doubled || !atEdge || lb >= 7) return 'omission';
    }
    return null;
  }
  return null;
}
