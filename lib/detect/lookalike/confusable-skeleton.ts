// The table arrives as text and is read on first use: built into a Map at load, it was the
// largest part of the background worker's start-up, and most starts never need it.
import confusablePairs from 'unhomoglyph/data.json?pairs';
import { unpackPairs } from './confusable-pairs';
import { latinOfPrototypes, mapKazakhLetters } from './kazakh-letters';

/**
 * The Unicode TR39 "confusables.txt" prototype mapping, as shipped by the `unhomoglyph` package
 * (generated from the Unicode security data, not typed by hand).
 */
let prototypes: ReadonlyMap<string, string> | null = null;

/**
 * The bundler and the unit tests hand the table over packed by the build's plugin
 * (confusable-pairs.ts). Node's own loader (the CLI, the evaluation and the benchmarks, run with
 * tsx) ignores the query and hands over the parsed object. Both are accepted.
 */
export function readConfusables(table: unknown): ReadonlyMap<string, string> {
  if (typeof table === 'string') return unpackPairs(table);
  return new Map(Object.entries(table as Record<string, string>));
}

function prototypeOf(ch: string): string | undefined {
  prototypes ??= readConfusables(confusablePairs);
  return prototypes.get(ch);
}

const COMBINING_MARKS = /\p{M}/gu;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/u;

function slowSkeleton(text: string): string {
  let mapped = '';
  for (const ch of mapKazakhLetters(text).normalize('NFD')) mapped += prototypeOf(ch) ?? ch;
  return latinOfPrototypes(mapped.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase());
}

/** Skeletons of the printable ASCII characters, so that ordinary hosts skip normalisation. */
let asciiSkeletons: readonly string[] | null = null;

function asciiSkeletonTable(): readonly string[] {
  asciiSkeletons ??= Array.from({ length: 0x7f }, (_, code) =>
    code < 0x20 ? '' : slowSkeleton(String.fromCharCode(code)),
  );
  return asciiSkeletons;
}

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
  const table = asciiSkeletonTable();
  let out = '';
  for (let i = 0; i < text.length; i++) out += table[text.charCodeAt(i)] ?? '';
  return out;
}

/** True when the text holds anything beyond printable ASCII. */
export function hasNonAscii(text: string): boolean {
  return /[^\x20-\x7e]/.test(text);
}
