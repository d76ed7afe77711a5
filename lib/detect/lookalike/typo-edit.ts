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

function buildAdjacency(): ReadonlyMap<string, ReadonlySet<string>> {
  const adjacency = new Map<string, Set<string>>();
  QWERTY_ROWS.forEach((row, r) => {
    for (let c = 0; c < row.length; c++) {
      const key = row.charAt(c);
      const near = new Set<string>();
      for (const dr of [-1, 0, 1]) {
        const other = QWERTY_ROWS[r + dr];
        if (other === undefined) continue;
        for (const dc of dr === 0 ? [-1, 1] : [-1, 0, 1]) {
          const neighbour = other.charAt(c + dc);
          if (neighbour) near.add(neighbour);
        }
      }
      adjacency.set(key, near);
    }
  });
  return adjacency;
}

const ADJACENT_KEYS = buildAdjacency();

/** Single glyphs that pass for one another in a URL bar (multi-glyph ones are folded first). */
const VISUAL_GROUPS = ['il1j', 'o0', 'uv', 'gq', 'nh', 'ce'];
const VOWELS = 'aeiou';

function isVisualPair(a: string, b: string): boolean {
  return VISUAL_GROUPS.some((group) => group.includes(a) && group.includes(b));
}

function substitutionKind(expected: string, typed: string): TypoKind | null {
  if (isVisualPair(expected, typed)) return 'visual';
  if (ADJACENT_KEYS.get(expected)?.has(typed) === true) return 'adjacent-key';
  if (VOWELS.includes(expected) && VOWELS.includes(typed)) return 'vowel-swap';
  return null;
}

/** Folds multi-glyph look-alikes that TR39 leaves to fonts: vv → w. */
export function foldVisualDigraphs(text: string): string {
  return text.replaceAll('vv', 'w');
}

/**
 * The slip that turns `brand` into `candidate`, or `null` when none does (or they are equal).
 * Omitting the first or last letter of a short brand is not counted: those are mostly other
 * words (ataix → atai, a Kazakh name).
 */
export function typoEdit(candidate: string, brand: string): TypoKind | null {
  if (candidate === brand) return null;
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
      if (ADJACENT_KEYS.get(before)?.has(extra) === true || ADJACENT_KEYS.get(after)?.has(extra) === true) {
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
