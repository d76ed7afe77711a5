/**
 * Words a page may have echoed from its own address: a search page puts its query in its title
 * and results, a "not found" page its path. Anyone can craft such an address to any site, so those
 * words must not decide a verdict. They are cut out of the sample's text before it is scored:
 * any run of words from the query or fragment, and any run of two or more words from the path
 * (one path word alone, like a direction's "usdt", is the page's own subject more often than an
 * echo).
 */
import type { PageSample } from './types';

const WORD = /[\p{L}\p{N}]+/gu;
const MAX_ADDRESS_CHARS = 4_000;

function decode(part: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/gu, ' '));
  } catch {
    return part;
  }
}

function wordsOf(text: string): Set<string> {
  return new Set((text.toLowerCase().match(WORD) ?? []).slice(0, 500));
}

export interface ReflectedWords {
  /** Words of the query and the fragment. */
  query: Set<string>;
  /** Words of the path. */
  path: Set<string>;
}

export function reflectedWords(address: string): ReflectedWords {
  let url: URL;
  try {
    url = new URL(address.slice(0, MAX_ADDRESS_CHARS));
  } catch {
    return { query: new Set(), path: new Set() };
  }
  const query = [...url.searchParams.entries()].map(([k, v]) => `${k} ${v}`).join(' ');
  return {
    query: wordsOf(`${query} ${decode(url.hash.slice(1))}`),
    path: wordsOf(decode(url.pathname).replace(/[-_]/gu, ' ')),
  };
}

/** `text` without the runs of reflected words (see the file's comment). */
export function stripReflected(text: string, words: ReflectedWords): string {
  if (words.query.size === 0 && words.path.size === 0) return text;
  let out = '';
  let kept = 0;
  let run: { start: number; end: number; count: number; fromQuery: boolean } | null = null;
  const close = (): void => {
    if (run !== null && (run.fromQuery || run.count >= 2)) {
      out += text.slice(kept, run.start);
      kept = run.end;
    }
    run = null;
  };
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const lower = m[0].toLowerCase();
    const inQuery = words.query.has(lower);
    const reflected = inQuery || words.path.has(lower);
    if (!reflected) {
      close();
      continue;
    }
    const gap = run === null ? '' : text.slice(run.end, m.index);
    if (run !== null && /^[\s\p{P}\p{S}]*$/u.test(gap)) {
      run.end = m.index + m[0].length;
      run.count++;
      run.fromQuery &&= inQuery;
    } else {
      close();
      run = { start: m.index, end: m.index + m[0].length, count: 1, fromQuery: inQuery };
    }
  }
  close();
  WORD.lastIndex = 0;
  return out + text.slice(kept);
}

/**
 * The sample with reflected words cut from its title, description, headings, text and rows; with
 * `path: false`, only the query's and fragment's words.
 */
export function withoutReflected(
  sample: PageSample,
  address: string | undefined,
  opts: { path: boolean } = { path: true },
): PageSample {
  if (address === undefined) return sample;
  const all = reflectedWords(address);
  const words = opts.path ? all : { query: all.query, path: new Set<string>() };
  if (words.query.size === 0 && words.path.size === 0) return sample;
  const strip = (s: string): string => stripReflected(s, words);
  return {
    ...sample,
    title: strip(sample.title),
    description: strip(sample.description),
    headings: sample.headings.map(strip),
    text: strip(sample.text),
    tableRows: sample.tableRows.map(strip),
  };
}
