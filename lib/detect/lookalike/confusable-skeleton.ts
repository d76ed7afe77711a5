import confusablesData from 'unhomoglyph/data.json';

/**
 * The Unicode TR39 "confusables.txt" prototype mapping, as shipped by the `unhomoglyph` package
 * (generated from the Unicode security data, not typed by hand).
 */
const PROTOTYPES: ReadonlyMap<string, string> = new Map(
  Object.entries(confusablesData as Record<string, string>),
);

const COMBINING_MARKS = /\p{M}/gu;

/**
 * TR39 skeleton (NFD, prototype mapping, NFD again), then folded for host comparison: combining
 * marks are dropped, so a barred or accented letter falls back to its base (Kazakh ө → o, í → i),
 * and the result is lower case (the TR39 prototype of 0 is O).
 *
 * Two strings that look alike have equal skeletons; the skeleton itself is not meant for display
 * (m becomes rn).
 */
export function confusableSkeleton(text: string): string {
  let mapped = '';
  for (const ch of text.normalize('NFD')) mapped += PROTOTYPES.get(ch) ?? ch;
  return mapped.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
}

/** True when the text holds anything beyond printable ASCII. */
export function hasNonAscii(text: string): boolean {
  return /[^\x20-\x7e]/.test(text);
}
