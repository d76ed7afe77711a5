import { exchangerEvidence } from './exchanger-evidence';
import { pathNamesDirection } from './exchange-direction';
import { foldText } from './fold-text';
import { listedAssetMentions } from './listed-assets';
import { BLOCKCHAIN_STEMS, namesCryptoAsset, rateQuotes } from './names-crypto-asset';
import { pageVocabulary, type PageVocabulary } from './page-vocabulary';
import { withoutReflected } from './strip-reflected';
import { plainText, sampleTexts, type PlainText } from './sample-texts';
import type { PageSample, PageScore } from './types';
import { speaksAsDesk } from './desk-words';
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

/** The same, folded for the vocabulary's patterns as well. */
interface Text extends PlainText {
  raw: string;
  lower: string;
}

function foldedText({ plain, lowerPlain }: PlainText): Text {
  return { plain, lowerPlain, raw: foldText(plain), lower: foldText(lowerPlain) };
}

function text(...parts: string[]): Text {
  return foldedText(plainText(...parts));
}

/** Lower case, then folded: case mapping can make a foreign letter Latin. */
function folded(s: string, toCase: 'lower' | 'upper' | 'none' = 'none'): string {
  return foldText(toCase === 'lower' ? s.toLowerCase() : toCase === 'upper' ? s.toUpperCase() : s);
}

function cryptoMentions(v: PageVocabulary, t: Text): number {
  return countWords(v.TICKER, t.raw) + countWords(v.CRYPTO_WORD, t.lower);
}

function mentionsCryptoIn(v: PageVocabulary, s: string): boolean {
  return hasWord(v.TICKER, folded(s)) || hasWord(v.CRYPTO_WORD, folded(s, 'lower'));
}

/** Crypto mentions with local money or a payment rail close by. */
function cryptoNearLocalMoney(v: PageVocabulary, t: Text): number {
  const local = wordPositions(v.LOCAL_PAYMENT, t.lower);
  if (local.length === 0) return 0;
  const crypto = [...wordPositions(v.TICKER, t.raw), ...wordPositions(v.CRYPTO_WORD, t.lower)];
  return crypto.filter((c) => local.some((l) => Math.abs(l - c) <= PAIR_WINDOW)).length;
}

function hostWords(host: string): string {
  const labels = host.toLowerCase().split('.');
  return labels.slice(0, Math.max(1, labels.length - 1)).join('.');
}

export class Tally {
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
 * price-tracker and bank-rate evidence pulls the score down. A page that names no crypto-asset
 * scores 0 at once.
 */
function scoreSample(sample: PageSample, host: string): PageScore & { userAd: boolean; noAsset: boolean } {
  const { headPlain, rows, buttons, allPlain, quoted } = sampleTexts(sample);
  const listed = listedAssetMentions(allPlain.plain, 50).length;
  const namesAsset = listed > 0 || namesCryptoAsset(allPlain.plain, allPlain.lowerPlain, quoted, listed);
  const all = foldedText(allPlain);
  // A page that names no asset is judged only as a desk's own document (see desk-words.ts).
  const desk = !namesAsset && speaksAsDesk(all.lower);
  if (!namesAsset && !desk) return { score: 0, signals: ['no-crypto-asset'], userAd: false, noAsset: true };

  const head = foldedText(headPlain);

  const v = pageVocabulary();
  const t = new Tally();
  // One mention is enough where the page also speaks of wallet addresses or confirmations.
  const cryptoPage =
    cryptoMentions(v, all) + listed >= 2 || BLOCKCHAIN_STEMS.some((stem) => all.lower.includes(stem));

  // Offer wording: one point per phrase family, the generic ones only on a page about crypto.
  const families = v.OFFER_PHRASES.filter(
    (p) => (cryptoPage || p.name === 'buy-sell-crypto') && hasWord(p.pattern, all.lower),
  ).map((p) => p.name);
  t.add(`offer-text(${families.join(',')})`, Math.min(3, families.length));

  const quotes = rateQuotes(quoted);
  const near = cryptoNearLocalMoney(v, text(head.plain, sample.text, rows));
  t.add('crypto-local-money', quotes >= 2 ? 3 : quotes === 1 ? 2 : near >= 3 ? 2 : near >= 1 ? 1 : 0);

  const cryptoRows = sample.tableRows.filter((r) => mentionsCryptoIn(v, r) && /\d/u.test(r));
  const fiatRows = sample.tableRows.filter(
    (r) => hasWord(v.FIAT_ROW, folded(r)) && /\d/u.test(r) && !mentionsCryptoIn(v, r),
  );
  if (cryptoRows.length >= 3) {
    // Prices alone are a tracker's table too; buy/sell columns, reserves or directions are a desk's.
    const dealTable = sample.tableRows.some(
      (r) => hasWord(v.DEAL_ROW_WORD, folded(r, 'lower')) || /→|->|⇄|↔/u.test(r),
    );
    t.add('rate-table', dealTable ? 3 : 2);
  }

  const hints = sample.fields.map((f) => folded(f.hint));
  const walletFields = hints.filter((h) => hasWord(v.WALLET_FIELD, h) && !hasWord(v.NOT_WALLET_FIELD, h));
  if (walletFields.length > 0) t.add('wallet-field', 3);

  const cryptoOptions = sample.options.filter((o) => mentionsCryptoIn(v, o)).length;
  const localOptions = sample.options.filter((o) => hasWord(v.LOCAL_PAYMENT, folded(o, 'lower'))).length;
  const amountFields = sample.fields.filter(
    (f, i) =>
      f.type !== 'search' &&
      hasWord(v.AMOUNT_FIELD, hints[i] ?? '') &&
      !hasWord(v.NOT_WALLET_FIELD, hints[i] ?? ''),
  );
  const cryptoFields = sample.fields.some(
    (f) => mentionsCryptoIn(v, f.hint) || mentionsCryptoIn(v, f.hint.toUpperCase()),
  );
  if (
    cryptoPage &&
    amountFields.length > 0 &&
    (cryptoOptions > 0 || walletFields.length > 0 || cryptoFields)
  ) {
    t.add('order-form', hasWord(v.DEAL_BUTTON, foldText(buttons)) ? 3 : 2);
  }
  if (cryptoOptions >= 2) t.add('currency-options', localOptions > 0 ? 2 : 1);

  if (cryptoPage && hasWord(v.EXCHANGE_SUBJECT, head.lower)) t.add('subject', 2);
  if (v.EXCHANGE_HOST_WORD.test(hostWords(host))) t.add('host-words', 1.5);

  // Hard negatives.
  const articleTyped =
    sample.ogType === 'article' || sample.ldTypes.some((type) => ARTICLE_LD_TYPES.has(type));
  const bylines = distinctWords(v.NEWS_BYLINE, all.lower, all.lowerPlain);
  const articleShaped = (sample.articleCount > 0 && (sample.timeCount > 0 || bylines >= 1)) || bylines >= 2;
  t.add('article', articleTyped ? -4 : articleShaped ? -2 : 0);
  if (distinctWords(v.ENCYCLOPEDIA, all.lower, all.lowerPlain) >= 1) t.add('encyclopedia', -4);
  const govHost = /(?:^|\.)gov\.kz$|(?:^|\.)gov$|(?:^|\.)afsa\.kz$|(?:^|\.)aifc\.kz$/u.test(
    host.toLowerCase(),
  );
  if (govHost || distinctWords(v.REGULATOR, all.lower, all.lowerPlain) >= 3) t.add('regulator', -4);
  if (distinctWords(v.WALLET_APP, all.lower, all.lowerPlain) >= 2) t.add('wallet-app', -3);
  const explorerSearch = sample.fields.some((f) => /txn|tx\s|hash|block/u.test(f.hint));
  if (explorerSearch || distinctWords(v.EXPLORER, all.lower, all.lowerPlain) >= 3) t.add('explorer', -4);
  if (distinctWords(v.PRICE_TRACKER, all.lower, all.lowerPlain) >= 1) t.add('price-tracker', -2);
  if (fiatRows.length >= 3 && cryptoRows.length === 0) t.add('fiat-rates', -2);

  if (desk) t.signals.push('desk-words');
  const { userAd } = exchangerEvidence(t, sample, all.lower, cryptoPage || desk);
  return { score: t.score, signals: t.signals, userAd, noAsset: desk };
}

/** How many points an exchange direction in the page's own address adds. */
const PATH_DIRECTION_POINTS = 1.5;

/**
 * Scores a page sample for "offers to buy, sell or exchange crypto-assets"; `address`, when given,
 * is the page's own URL. Words the page echoes from its query or fragment are cut out first (see
 * strip-reflected.ts), and a page whose own words name no crypto-asset once the echoes of its
 * path are cut out too scores 0. `memorable` says whether the page's own words, with every echo of
 * its address cut out and without the address's points, reach the threshold on a page that is not
 * a user's ad: only then may its verdict stand for the rest of its site.
 */
export function scorePage(sample: PageSample, host: string, address?: string): PageScore {
  const strict = scoreSample(withoutReflected(sample, address), host);
  if (strict.signals[0] === 'no-crypto-asset') return { score: 0, signals: strict.signals, memorable: false };
  const loose =
    address === undefined ? strict : scoreSample(withoutReflected(sample, address, { path: false }), host);
  let score = loose.score;
  const signals = [...loose.signals];
  if (address !== undefined && pathNamesDirection(pathOf(address))) {
    score += PATH_DIRECTION_POINTS;
    signals.push(`direction-url:+${PATH_DIRECTION_POINTS}`);
  }
  // Site memory is set only from a page that names a crypto-asset in its own words.
  const memorable = !strict.userAd && !strict.noAsset && strict.score >= UNREGISTERED_THRESHOLD;
  return { score, signals, memorable };
}

function pathOf(address: string): string {
  try {
    return new URL(address).pathname;
  } catch {
    return '';
  }
}
