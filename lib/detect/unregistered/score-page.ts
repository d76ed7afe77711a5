import {
  AMOUNT_FIELD,
  CRYPTO_WORD,
  DEAL_BUTTON,
  DEAL_ROW_WORD,
  ENCYCLOPEDIA,
  EXCHANGE_HOST_WORD,
  EXCHANGE_SUBJECT,
  EXPLORER,
  FIAT_ROW,
  LOCAL_PAYMENT,
  NEWS_BYLINE,
  NOT_WALLET_FIELD,
  OFFER_PHRASES,
  PRICE_TRACKER,
  RATE_QUOTE,
  REGULATOR,
  TICKER,
  WALLET_APP,
  WALLET_FIELD,
} from './page-vocabulary';
import type { PageSample, PageScore } from './types';
import { countWords, distinctWords, hasWord, wordPositions } from './word-match';

/** Scores at or above this mean "this page offers to buy, sell or exchange crypto-assets". */
export const UNREGISTERED_THRESHOLD = 5;

const PAIR_WINDOW = 60;
const ARTICLE_LD_TYPES = new Set([
  'Article',
  'NewsArticle',
  'BlogPosting',
  'ReportageNewsArticle',
  'AnalysisNewsArticle',
  'ScholarlyArticle',
  'TechArticle',
]);

/** Text in its own case (for tickers) and in lower case (for words). */
interface Text {
  raw: string;
  lower: string;
}

function text(...parts: string[]): Text {
  const raw = parts.join(' \n ');
  return { raw, lower: raw.toLowerCase() };
}

function cryptoMentions(t: Text): number {
  return countWords(TICKER, t.raw) + countWords(CRYPTO_WORD, t.lower);
}

function mentionsCrypto(t: Text): boolean {
  return hasWord(TICKER, t.raw) || hasWord(CRYPTO_WORD, t.lower);
}

function mentionsCryptoIn(s: string): boolean {
  return mentionsCrypto({ raw: s, lower: s.toLowerCase() });
}

/** Crypto mentions with local money or a payment rail close by. */
function cryptoNearLocalMoney(t: Text): number {
  const local = wordPositions(LOCAL_PAYMENT, t.lower);
  if (local.length === 0) return 0;
  const crypto = [...wordPositions(TICKER, t.raw), ...wordPositions(CRYPTO_WORD, t.lower)];
  return crypto.filter((c) => local.some((l) => Math.abs(l - c) <= PAIR_WINDOW)).length;
}

function rateQuotes(t: Text): number {
  RATE_QUOTE.lastIndex = 0;
  return Array.from(t.raw.matchAll(RATE_QUOTE)).length;
}

function hostWords(host: string): string {
  const labels = host.toLowerCase().split('.');
  return labels.slice(0, Math.max(1, labels.length - 1)).join('.');
}

class Tally {
  score = 0;
  readonly signals: string[] = [];

  add(name: string, points: number): void {
    if (points === 0) return;
    this.score += points;
    this.signals.push(`${name}:${points > 0 ? '+' : ''}${points}`);
  }
}

/**
 * Scores a page sample for "offers to buy, sell or exchange crypto-assets". Positive evidence
 * comes in capped families (offer wording, crypto-to-local-money rates, rate tables, wallet
 * fields, order forms, currency lists, the page's subject, the host's words), so no single
 * family reaches the threshold alone; news, encyclopedia, regulator, wallet-app, explorer,
 * price-tracker and bank-rate evidence pulls the score down.
 */
export function scorePage(sample: PageSample, host: string): PageScore {
  const t = new Tally();
  const head = text(sample.title, sample.description, ...sample.headings);
  const rows = sample.tableRows.join(' \n ');
  const buttons = sample.buttons.join(' \n ').toLowerCase();
  const all = text(head.raw, sample.text, rows, sample.options.join(' \n '), buttons);

  const cryptoPage = cryptoMentions(all) >= 2;

  // Offer wording: one point per phrase family, the generic ones only on a page about crypto.
  const families = OFFER_PHRASES.filter(
    (p) => (cryptoPage || p.name === 'buy-sell-crypto') && hasWord(p.pattern, all.lower),
  ).map((p) => p.name);
  t.add(`offer-text(${families.join(',')})`, Math.min(3, families.length));

  const quotes = rateQuotes(text(sample.text, rows, sample.options.join(' \n '), head.raw));
  const near = cryptoNearLocalMoney(text(head.raw, sample.text, rows));
  t.add('crypto-local-money', quotes >= 2 ? 3 : quotes === 1 ? 2 : near >= 3 ? 2 : near >= 1 ? 1 : 0);

  const cryptoRows = sample.tableRows.filter((r) => mentionsCryptoIn(r) && /\d/u.test(r));
  const fiatRows = sample.tableRows.filter(
    (r) => hasWord(FIAT_ROW, r) && /\d/u.test(r) && !mentionsCryptoIn(r),
  );
  if (cryptoRows.length >= 3) {
    // Prices alone are a tracker's table too; buy/sell columns, reserves or directions are a desk's.
    const dealTable = sample.tableRows.some(
      (r) => hasWord(DEAL_ROW_WORD, r.toLowerCase()) || /→|->|⇄|↔/u.test(r),
    );
    t.add('rate-table', dealTable ? 3 : 2);
  }

  const walletFields = sample.fields.filter(
    (f) => hasWord(WALLET_FIELD, f.hint) && !hasWord(NOT_WALLET_FIELD, f.hint),
  );
  if (walletFields.length > 0) t.add('wallet-field', 3);

  const cryptoOptions = sample.options.filter(mentionsCryptoIn).length;
  const localOptions = sample.options.filter((o) => hasWord(LOCAL_PAYMENT, o.toLowerCase())).length;
  const amountFields = sample.fields.filter(
    (f) => f.type !== 'search' && hasWord(AMOUNT_FIELD, f.hint) && !hasWord(NOT_WALLET_FIELD, f.hint),
  );
  const cryptoFields = sample.fields.some(
    (f) => mentionsCryptoIn(f.hint) || mentionsCryptoIn(f.hint.toUpperCase()),
  );
  if (
    cryptoPage &&
    amountFields.length > 0 &&
    (cryptoOptions > 0 || walletFields.length > 0 || cryptoFields)
  ) {
    t.add('order-form', hasWord(DEAL_BUTTON, buttons) ? 3 : 2);
  }
  if (cryptoOptions >= 2) t.add('currency-options', localOptions > 0 ? 2 : 1);

  if (cryptoPage && hasWord(EXCHANGE_SUBJECT, head.lower)) t.add('subject', 2);
  if (EXCHANGE_HOST_WORD.test(hostWords(host))) t.add('host-words', 1.5);

  // Hard negatives.
  const articleTyped =
    sample.ogType === 'article' || sample.ldTypes.some((type) => ARTICLE_LD_TYPES.has(type));
  const bylines = distinctWords(NEWS_BYLINE, all.lower);
  const articleShaped = (sample.articleCount > 0 && (sample.timeCount > 0 || bylines >= 1)) || bylines >= 2;
  t.add('article', articleTyped ? -4 : articleShaped ? -2 : 0);
  if (distinctWords(ENCYCLOPEDIA, all.lower) >= 1) t.add('encyclopedia', -4);
  const govHost = /(?:^|\.)gov\.kz$|(?:^|\.)gov$|(?:^|\.)afsa\.kz$|(?:^|\.)aifc\.kz$/u.test(
    host.toLowerCase(),
  );
  if (govHost || distinctWords(REGULATOR, all.lower) >= 3) t.add('regulator', -4);
  if (distinctWords(WALLET_APP, all.lower) >= 2) t.add('wallet-app', -3);
  const explorerSearch = sample.fields.some((f) => /txn|tx\s|hash|block/u.test(f.hint));
  if (explorerSearch || distinctWords(EXPLORER, all.lower) >= 3) t.add('explorer', -4);
  if (distinctWords(PRICE_TRACKER, all.lower) >= 1) t.add('price-tracker', -2);
  if (fiatRows.length >= 3 && cryptoRows.length === 0) t.add('fiat-rates', -2);

  return { score: t.score, signals: t.signals };
}
