/**
 * Crypto-assets of the generated list (crypto-assets.generated.ts), found in text by whole words:
 * a name alone ("Monero", "Polkadot"), or a ticker where a ticker cannot be an ordinary word —
 * beside its own name ("Monero XMR"), a number ("0.5 XMR") or a pair sign ("DOT → GEL",
 * "XMR/USDT"). Two patterns find the candidates, so that the engine passes over the text's other
 * words in native code: one of the list's names, and one of any word in capitals; each candidate
 * is then checked in script against the sets.
 */
import { LISTED_ASSETS } from './crypto-assets.generated';

/** Names in the list that are ordinary English words: alone, they name nothing. */
const WORD_NAMES = new Set(
  'ark beam blox booty bread burst capital chips clams comet compound cortex credits crown cube civic datum dent dock electra elixir emblem enigma equaliser flux gas grin guppy harmony holo ink kin maker magi melon metal myriad nano nexus omni oxygen pillar polis proton quant radium rapture request ren rise safe salt shift status storm triggers verify waves wings zest balancer cosmos avalanche polygon stellar ion dash data everipedia oyster tael'.split(
    ' ',
  ),
);

interface AssetSets {
  tickers: Set<string>;
  names: Set<string>;
  nameOf: Map<string, string>;
}

/** Whether the lower-case `name` of `ticker`'s asset names it alone, as a word of its own. */
function namesAlone(ticker: string, name: string): boolean {
  return /^[a-z][a-z0-9]{3,}$/.test(name) && !WORD_NAMES.has(name) && name !== ticker.toLowerCase();
}

let sets: AssetSets | null = null;

function assetSets(): AssetSets {
  if (sets !== null) return sets;
  const tickers = new Set<string>();
  const names = new Set<string>();
  const nameOf = new Map<string, string>();
  // An indexed loop: this runs once per page, before any of it is compiled, where an iterator costs.
  for (let i = 0; i < LISTED_ASSETS.length; i++) {
    const entry = LISTED_ASSETS[i];
    if (entry === undefined) continue;
    const ticker = entry[0];
    const name = entry[1];
    tickers.add(ticker);
    const lower = name.toLowerCase();
    nameOf.set(ticker, lower);
    if (namesAlone(ticker, lower)) names.add(lower);
  }
  return (sets = { tickers, names, nameOf });
}

let capitalWords: RegExp | null = null;

/** Whole words in capitals: a superset of the tickers, checked against the set. */
function capitalWordsPattern(): RegExp {
  // Every ticker has a letter: numbers are no candidates.
  return (capitalWords ??= new RegExp(
    `(?:^|[^${WORD_CHARS}])(?=[0-9]*[A-Z])([A-Z0-9]{3,})(?![${WORD_CHARS}])`,
    'g',
  ));
}

let nameWords: RegExp | null = null;

/**
 * Whole words that are a listed name in any case: a superset, checked against the set. Built on
 * first use: even parsing it costs a page that never needs it (see namesListedAsset).
 */
function nameWordsPattern(names: Set<string>): RegExp {
  if (nameWords !== null) return nameWords;
  /*
   * With the `i` flag a class takes in the case variants of its letters, and [^A-Za-z0-9\u0400-\u04FF]
   * then leaves out the Cyrillic variants U+1C80-U+1C88 of В, Д, О, С, Т, Ъ and Ѣ: so they are
   * added back. A candidate can start or end at a letter only through them, and is checked below.
   */
  const apart = `[^${WORD_CHARS}]|[\\u1C80-\\u1C8F]`;
  return (nameWords = new RegExp(`(?:^|${apart})(${[...names].join('|')})(?=${apart}|$)`, 'gi'));
}

/** Letters and digits of Latin and Cyrillic; anything else separates words. */
const WORD_CHARS = 'A-Za-z0-9\\u0400-\\u04FF';

function isWordChar(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x400 && code <= 0x4ff)
  );
}

/** The word before `index` (lower case) and where it ends; null when none is. */
function wordBefore(text: string, index: number): { word: string; end: number } | null {
  let end = index;
  while (end > 0 && !isWordChar(text.charCodeAt(end - 1))) end--;
  if (end === 0) return null;
  let start = end - 1;
  while (start > 0 && isWordChar(text.charCodeAt(start - 1))) start--;
  return { word: text.slice(start, end).toLowerCase(), end };
}
const PAIR_SIGN = /^\s*(?:→|->|⇄|↔|⟶|⇆|\/|=|≈)\s*$/u;
const NUMBER = /\d[\d\s.,]*\s*$/u;

export interface AssetMention {
  index: number;
  /** The asset's ticker, or its lower-case name when named without one. */
  asset: string;
}

/** Where the next whole word `pattern` finds starts, and the word; null when there is none. */
function nextCandidate(pattern: RegExp, text: string): { index: number; word: string } | null {
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const word = m[1] ?? '';
    const index = pattern.lastIndex - word.length;
    const whole =
      (index === 0 || !isWordChar(text.charCodeAt(index - 1))) &&
      !isWordChar(text.charCodeAt(pattern.lastIndex));
    if (whole) return { index, word };
  }
  return null;
}

/**
 * Whether the ticker `word` at `index` names its asset: beside its own name, a number or a pair
 * sign, where a ticker cannot be an ordinary word.
 */
function tickerCounts(text: string, index: number, word: string, nameOf: Map<string, string>): boolean {
  const end = index + word.length;
  const previous = wordBefore(text, index);
  const before = text.slice(Math.max(0, index - 24), index);
  const after = text.slice(end, end + 24);
  const between = previous === null ? '' : text.slice(previous.end, index);
  const ownName = previous !== null && nameOf.get(word) === previous.word && /^[\s(]*$/u.test(between);
  return (
    ownName ||
    NUMBER.test(before) ||
    /^\s*\d/u.test(after) ||
    PAIR_SIGN.test(between) ||
    /^\s*(?:→|->|⇄|↔|⟶|⇆|\/)/u.test(after)
  );
}

/** Listed assets named in `text`, in order, at most `max`. */
export function listedAssetMentions(text: string, max = 10_000): AssetMention[] {
  const { tickers, names, nameOf } = assetSets();
  const nameWords = nameWordsPattern(names);
  const capitalWords = capitalWordsPattern();
  const found: AssetMention[] = [];
  nameWords.lastIndex = 0;
  capitalWords.lastIndex = 0;
  let named = nextCandidate(nameWords, text);
  let capital = nextCandidate(capitalWords, text);
  while ((named !== null || capital !== null) && found.length < max) {
    // The two lists of words in the text's order: a word in both is read once, as a name first.
    const next = capital === null || (named !== null && named.index <= capital.index) ? named : capital;
    if (next === null) break;
    if (next === named) named = nextCandidate(nameWords, text);
    if (capital !== null && capital.index === next.index) capital = nextCandidate(capitalWords, text);
    const { index, word } = next;
    const lower = word.toLowerCase();
    if (names.has(lower)) {
      found.push({ index, asset: lower });
    } else if (tickers.has(word) && tickerCounts(text, index, word, nameOf)) {
      found.push({ index, asset: word });
    }
  }
  nameWords.lastIndex = 0;
  capitalWords.lastIndex = 0;
  return found;
}

/** Characters whose lower case is a letter of another kind, or two: İ and the Kelvin sign K. */
const CHANGES_WORDS_IN_LOWER_CASE = /[\u0130\u212A]/;
const LOWER_CASE_WORDS = /[a-z0-9\u0400-\u04FF]+/g;

/**
 * Whether `text` names a listed asset at least once: `listedAssetMentions(text, 1).length > 0`,
 * without the pattern of names, whose compiling costs more than this whole check on a page's
 * text. The names are looked up among the words of the text in lower case, which are the text's
 * words each in lower case where no character changes kind or length in lower case.
 */
export function namesListedAsset(text: string): boolean {
  if (CHANGES_WORDS_IN_LOWER_CASE.test(text)) return listedAssetMentions(text, 1).length > 0;
  const words = new Set(text.toLowerCase().match(LOWER_CASE_WORDS));
  // The list itself, not its sets: on most pages nothing more is needed, and the sets cost more.
  for (let i = 0; i < LISTED_ASSETS.length; i++) {
    const entry = LISTED_ASSETS[i];
    const name = entry?.[1].toLowerCase() ?? '';
    if (entry !== undefined && words.has(name) && namesAlone(entry[0], name)) return true;
  }
  // No word is a name: every ticker found is read as a ticker, as listedAssetMentions reads it.
  const capitals = capitalWordsPattern();
  capitals.lastIndex = 0;
  let counts = false;
  for (let c = nextCandidate(capitals, text); c !== null && !counts; c = nextCandidate(capitals, text)) {
    const { tickers, nameOf } = assetSets();
    counts = tickers.has(c.word) && tickerCounts(text, c.index, c.word, nameOf);
  }
  capitals.lastIndex = 0;
  return counts;
}

/** Whether `word` (any case) is a listed ticker or a listed name that names an asset alone. */
export function isListedAsset(word: string): boolean {
  const { tickers, names } = assetSets();
  return tickers.has(word.toUpperCase()) || names.has(word.toLowerCase());
}
