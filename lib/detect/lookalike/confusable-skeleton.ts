import confusablesData from 'unhomoglyph/data.json';
import { latinOfPrototypes, mapKazakhLetters } from './kazakh-letters';

/**
 * The Unicode TR39 "confusables.txt" prototype mapping, as shipped by the `unhomoglyph` package
 * (generated from the Unicode security data, not typed by hand).
 */
const PROTOTYPES: ReadonlyMap<string, string> = new Map(
  Object.entries(confusablesData as Record<string, string>),
);

const COMBINING_MARKS = /\p{M}/gu;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/u;

function slowSkeleton(text: string): string {
  let mapped = '';
  for (const ch of mapKazakhLetters(text).normalize('NFD')) mapped += PROTOTYPES.get(ch) ?? ch;
  return latinOfPrototypes(mapped.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase());
}

/** Skeletons of the printable ASCII characters, so that ordinary hosts skip normalisation. */
const ASCII_SKELETONS: readonly string[] = Array.from({ length: 0x7f }, (_, code) =>
  code < 0x20 ? '' : slowSkeleton(String.fromCharCode(code)),
);

/**
 * TR39 skeleton (NFD, prototype mapping, NFD again), with Kazakh letters mapped first, then
 * folded for host comparison: combining
 * marks are dropped, so a barred or accented letter falls back to its base (Kazakh ө → o, í → i),
 * and the result is lower case (the TR39 prototype of 0 is O).
 *
 * Two strings that look alike have equal skeletons; the skeleton itself is not meant for display
 * (m becomes rn).
 */
export function confusableSkeleton(text: string): string {
  if (!PRINTABLE_ASCII.test(text)) return slowSkeleton(text);
  let out = '';
  for (let i = 0; i < text.length; i++) out += ASCII_SKELETONS[text.charCodeAt(i)] ?? '';
  return out;
}

/** True when the text holds anything beyond printable ASCII. */
export function hasNonAscii(text: string): boolean {
  return /[^\x20-\x7e]/.test(text);
}
