import { BRAND_AFFIXES } from './brand-words';
import { confusableSkeleton, hasNonAscii } from './confusable-skeleton';
import { hostAndParents, hostLabels, type LabelView } from './host-labels';
import { prepareBrands, type BrandTable, type PreparedBrand } from './prepare-brands';
import { typoEdit } from './typo-edit';
import type { LookalikeDetector, LookalikeTechnique, ProtectedBrand } from './types';

interface Found {
  brand: PreparedBrand;
  technique: LookalikeTechnique;
}

/** Made on first use, as the skeleton table it needs is: a worker's start does not wait for it. */
let affixSkeletons: ReadonlySet<string> | null = null;

function isAffixSkeleton(text: string): boolean {
  affixSkeletons ??= new Set([...BRAND_AFFIXES].map(confusableSkeleton));
  return affixSkeletons.has(text);
}
/**
 * Words that share letters with a brand at its edge (by-bit-coin, ba-by-bit): where one of them
 * overlaps the brand, the reader sees that word, not the brand.
 */
const OVERLAP_WORDS = ['bitcoin', 'baby'];

function overlapsWord(text: string, start: number, end: number): boolean {
  return OVERLAP_WORDS.some((word) => {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      const stop = at + word.length;
      if ((at > start && at < end && stop > end) || (at < start && stop > start && stop < end)) return true;
    }
    return false;
  });
}

/** The long brand somewhere in the label, within one hyphen-separated word, not read as another. */
function standsAsBrand(skeleton: string, brand: string): boolean {
  for (let at = skeleton.indexOf(brand); at >= 0; at = skeleton.indexOf(brand, at + 1)) {
    if (!overlapsWord(skeleton, at, at + brand.length)) return true;
  }
  return false;
}

/** A non-ASCII glyph standing in for exactly one letter of the brand (mixed-script spoof). */
function oneForeignGlyphAway(candidate: string, brand: string): boolean {
  const a = [...candidate];
  const b = [...brand];
  if (a.length !== b.length) return false;
  let diffs = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (!hasNonAscii(a[i] ?? '')) return false;
    diffs++;
  }
  return diffs === 1;
}

function typoOf(text: string, table: BrandTable, asTyped: boolean): PreparedBrand | null {
  const byLength = asTyped ? table.byPlainLength : table.bySkeletonLength;
  const length = [...text].length;
  for (const candidateLength of [length - 1, length, length + 1]) {
    for (const brand of byLength.get(candidateLength) ?? []) {
      if (typoEdit(text, asTyped ? brand.plain : brand.skeleton) !== null) return brand;
    }
  }
  return null;
}

/** How a whole registrable label imitates a brand: its exact skeleton, or one slip from it. */
function wholeLabel(label: LabelView, table: BrandTable): Found | null {
  const exact = table.bySkeleton.get(label.skeleton);
  if (exact) {
    if (label.foreign) return { brand: exact, technique: 'homograph' };
    return { brand: exact, technique: label.ascii === exact.source.brand ? 'other-suffix' : 'typo' };
  }
  const typo = label.foreign ? typoOf(label.skeleton, table, false) : typoOf(label.ascii, table, true);
  if (typo) return { brand: typo, technique: label.foreign ? 'homograph' : 'typo' };
  if (!label.foreign) return null;
  const glyph = (table.bySkeletonLength.get([...label.skeleton].length) ?? []).find((b) =>
    oneForeignGlyphAway(label.skeleton, b.skeleton),
  );
  return glyph ? { brand: glyph, technique: 'homograph' } : null;
}

/** Whether the text is empty or one or two words phishing kits glue to a brand. */
function isAffixRun(text: string, words = 2): boolean {
  if (text === '') return true;
  if (words === 0) return false;
  for (let cut = 1; cut <= text.length; cut++) {
    if (isAffixSkeleton(text.slice(0, cut)) && isAffixRun(text.slice(cut), words - 1)) return true;
  }
  return false;
}

/** A short brand as a word of its own, or glued to words phishing kits use (`wwwokxairdrop`). */
function shortBrandToken(token: string, table: BrandTable): PreparedBrand | null {
  for (let start = 0; start < token.length; start++) {
    for (const length of table.shortSkeletonLengths) {
      const brand = table.bySkeleton.get(token.slice(start, start + length));
      if (brand === undefined || brand.long) continue;
      if (isAffixRun(token.slice(0, start)) && isAffixRun(token.slice(start + length))) return brand;
    }
  }
  return null;
}

/** The brand inside a label: a long brand anywhere in it, a short one as a word, or a typo of one. */
function brandInLabel(label: LabelView, isSubdomain: boolean, table: BrandTable): PreparedBrand | null {
  let best: PreparedBrand | null = null;
  for (const brand of table.long) {
    if (best !== null && brand.skeleton.length <= best.skeleton.length) continue;
    if (standsAsBrand(label.skeleton, brand.skeleton)) best = brand;
  }
  if (best) return best;
  // A short brand alone in the registrable label is the other-suffix case; beside a word, or as
  // a subdomain of an unrelated domain, it is an imitation.
  const standsBeside = isSubdomain || label.tokens.length > 1 || /\d/u.test(label.ascii);
  for (const token of label.tokens) {
    const short = shortBrandToken(token, table);
    if (short && (standsBeside || token !== short.skeleton)) return short;
  }
  const words = label.foreign ? label.tokens : label.plainTokens;
  for (const word of words) {
    const typo = typoOf(word, table, !label.foreign);
    if (typo) return typo;
  }
  return null;
}

function isOwn(host: string, table: BrandTable): boolean {
  return hostAndParents(host).some((h) => table.own.has(h));
}

/**
 * Builds the lookalike detector for the protected brands.
 *
 * A host at or under any brand's own host is never flagged, nor an IP address or a host without a
 * registrable name. Free-hosting and platform suffixes (`pages.dev`, `github.io`) count as
 * suffixes, so the label under them is judged like a domain of its own.
 */
export function createLookalikeDetector(brands: readonly ProtectedBrand[]): LookalikeDetector {
  // Prepared on the first host it judges, so that putting a registry in service costs nothing here.
  let prepared: BrandTable | null = null;
  return (rawHost: string) => {
    const table = (prepared ??= prepareBrands(brands));
    const host = rawHost.trim().toLowerCase().replace(/\.$/u, '');
    if (host === '' || isOwn(host, table)) return null;
    const labels = hostLabels(host);
    if (labels === null) return null;
    const found =
      wholeLabel(labels.registrable, table) ?? inAnyLabel(labels.registrable, labels.subdomains, table);
    return found ? { brand: found.brand.source, technique: found.technique } : null;
  };
}

function inAnyLabel(
  registrable: LabelView,
  subdomains: readonly LabelView[],
  table: BrandTable,
): Found | null {
  const inRegistrable = brandInLabel(registrable, false, table);
  if (inRegistrable)
    return { brand: inRegistrable, technique: registrable.foreign ? 'homograph' : 'brand-in-domain' };
  for (const label of subdomains) {
    const whole = wholeLabel(label, table);
    if (whole?.technique === 'homograph') return whole;
    const inside = brandInLabel(label, true, table);
    if (inside) return { brand: inside, technique: label.foreign ? 'homograph' : 'brand-in-domain' };
  }
  return null;
}
