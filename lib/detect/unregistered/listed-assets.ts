/**
 * Crypto-assets of the generated list (crypto-assets.generated.ts), found in text by whole words:
 * a name alone ("Monero", "Polkadot"), or a ticker where a ticker cannot be an ordinary word —
 * beside its own name ("Monero XMR"), a number ("0.5 XMR") or a pair sign ("DOT → GEL",
 * "XMR/USDT"). Words are looked up in sets, one pass over the text, so the list's size does not
 * slow the scan.
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

let sets: AssetSets | null = null;

function assetSets(): AssetSets {
  if (sets !== null) return sets;
  const tickers = new Set<string>();
  const names = new Set<string>();
  const nameOf = new Map<string, string>();
  for (const [ticker, name] of LISTED_ASSETS) {
    tickers.add(ticker);
    const lower = name.toLowerCase();
    nameOf.set(ticker, lower);
    if (/^[a-z][a-z0-9]{3,}$/u.test(lower) && !WORD_NAMES.has(lower) && lower !== ticker.toLowerCase())
      names.add(lower);
  }
  return (sets = { tickers, names, nameOf });
}

/** Letters and digits of Latin and Cyrillic; anything else separates words. */
const WORD = /[A-Za-z0-9\u0400-\u04FF]+/gu;
const PAIR_SIGN = /^\s*(?:→|->|⇄|↔|⟶|⇆|\/|=|≈)\s*$/u;
const NUMBER = /\d[\d\s.,]*\s*$/u;

export interface AssetMention {
  index: number;
  /** The asset's ticker, or its lower-case name when named without one. */
  asset: string;
}

/** Listed assets named in `text`, in order, at most `max`. */
export function listedAssetMentions(text: string, max = 10_000): AssetMention[] {
  const { tickers, names, nameOf } = assetSets();
  const found: AssetMention[] = [];
  let previous: { word: string; end: number } | null = null;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null && found.length < max; m = WORD.exec(text)) {
    const word = m[0];
    const end = m.index + word.length;
    const lower = word.toLowerCase();
    if (names.has(lower)) {
      found.push({ index: m.index, asset: lower });
    } else if (word === word.toUpperCase() && tickers.has(word)) {
      const before = text.slice(Math.max(0, m.index - 24), m.index);
      const after = text.slice(end, end + 24);
      const between = previous === null ? '' : text.slice(previous.end, m.index);
      const named = previous !== null && nameOf.get(word) === previous.word && /^[\s(]*$/u.test(between);
      const counted =
        NUMBER.test(before) ||
        /^\s*\d/u.test(after) ||
        PAIR_SIGN.test(between) ||
        /^\s*(?:→|->|⇄|↔|⟶|⇆|\/)/u.test(after);
      if (named || counted) found.push({ index: m.index, asset: word });
    }
    previous = { word: lower, end };
  }
  WORD.lastIndex = 0;
  return found;
}

/** Whether `word` (any case) is a listed ticker or a listed name that names an asset alone. */
export function isListedAsset(word: string): boolean {
  const { tickers, names } = assetSets();
  return tickers.has(word.toUpperCase()) || names.has(word.toLowerCase());
}
