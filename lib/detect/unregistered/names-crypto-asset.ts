/**
 * Whether text names a crypto-asset at all: a ticker, a crypto word, a "buy ETH"-like phrase, a
 * rate quote or an asset of the generated list. Every family of evidence in the page scorer but the wallet field (3 points) and the
 * host's words (1.5) needs one of those, so a page without one stays below the threshold. It is
 * told apart with plain string searches, before a pattern of the vocabulary is built.
 */
import { namesListedAsset } from './listed-assets';
import { CRYPTO_STEMS, pageVocabulary, TICKER_STEMS } from './page-vocabulary';

/** Words only the blockchain world uses: a page without an asset's name can still be about one. */
export const BLOCKCHAIN_STEMS: readonly string[] = [
  'blockchain',
  'блокчейн',
  'mempool',
  'darkmarket',
  'darknet',
  'transaction hash',
  'хэш транзакции',
  'txid',
  // Where a payout goes and how it is confirmed: only a blockchain asset has these.
  'wallet address',
  'deposit address',
  'network confirmations',
  'адрес кошелька',
  'адрес вашего кошелька',
  'подтверждений сети',
  'әмиян мекенжайы',
  'destination tag',
];

/** The lower-case tickers that OFFER_PHRASES accepts after a verb. */
const OFFER_TICKERS = ['eth', 'ton', 'trx', 'эфир'];

/** Every rate quote has one of these between its two sides. */
const QUOTE_SIGNS = ['=', '≈', ':', '→', '->', '⇄', '↔', '⟶', '/', '⇆'];

/** Rate quotes in text as written: they are matched case-insensitively, so not on folded text. */
export function rateQuotes(quoted: string): number {
  const { RATE_QUOTE } = pageVocabulary();
  RATE_QUOTE.lastIndex = 0;
  return Array.from(quoted.matchAll(RATE_QUOTE)).length;
}

/**
 * `text` is searched for tickers and phrases, `lower` (its lower case) for words, and `quoted`
 * for rate quotes: each as the scorer searches them, so that false means the scorer finds none.
 * `listed`, when the caller has already counted the listed assets in `text`, spares a second scan.
 */
export function namesCryptoAsset(text: string, lower: string, quoted: string, listed?: number): boolean {
  if (TICKER_STEMS.some((stem) => text.includes(stem))) return true;
  if (CRYPTO_STEMS.some((stem) => lower.includes(stem))) return true;
  if (BLOCKCHAIN_STEMS.some((stem) => lower.includes(stem))) return true;
  if (OFFER_TICKERS.some((ticker) => lower.includes(ticker))) {
    const offer =
      /(?:buy|sell|exchange|swap|купить|продать|обменять|купим|продадим|покупаем|прода[её]м|обмен)\s+(?:(?:your|our|the|mined|any)\s+){0,2}(?:eth|ton|trx|эфир)/;
    if (offer.test(lower)) return true;
  }
  if (QUOTE_SIGNS.some((sign) => quoted.includes(sign)) && rateQuotes(quoted) > 0) return true;
  return listed === undefined ? namesListedAsset(text) : listed > 0;
}
