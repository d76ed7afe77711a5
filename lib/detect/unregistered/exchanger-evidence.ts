/**
 * The evidence families added for exchangers as they are really written: a title that is an
 * exchange direction, the vocabulary of a desk's own operations (which its form-less pages carry),
 * and two pulls down — a classified ad among others, and a guide's title.
 */
import { isDirectionTitle } from './exchange-direction';
import { exchangerPageVocabulary } from './exchanger-pages';
import { foldText } from './fold-text';
import { BLOCKCHAIN_STEMS } from './names-crypto-asset';
import type { Tally } from './score-page';
import { stemScanner, type StemScan } from './stem-scan';
import type { PageSample } from './types';
import { distinctWords, hasWord } from './word-match';

const DIRECTION_POINTS = 3;
/** Plain searches that the help-desk and choice-advice patterns each need one of. */
const HELP_DESK_STEMS = [
  'help',
  'support',
  'was this',
  'did this',
  'submit a',
  'центр',
  'статья',
  'анықтама',
];
const CHOICE_STEMS = ['choos', 'select', 'выб', 'ошибк', 'rating', 'отзыв', 'review'];

let scan: StemScan | null = null;

/** Every stem this file asks about, found in one pass over the text. */
function stemsIn(lower: string): Set<string> {
  scan ??= stemScanner([
    ...exchangerPageVocabulary().OPERATIONS.flatMap(({ stems }) => stems),
    ...BLOCKCHAIN_STEMS,
    ...HELP_DESK_STEMS,
    ...CHOICE_STEMS,
  ]);
  return scan(lower);
}

function operationPoints(families: number): number {
  if (families >= 8) return 5;
  if (families >= 6) return 4;
  if (families >= 4) return 3;
  if (families >= 3) return 2;
  return 0;
}

const ARROWS = /→|->|⇄|⟶|⇆/gu;
const LEFT_SIDE = /([A-Za-z0-9\u0400-\u04FF()]+(?:[ ]+[A-Za-z0-9\u0400-\u04FF()]+){0,3})\s*$/u;
const RIGHT_SIDE = /^\s*([A-Za-z0-9\u0400-\u04FF()]+(?:[ ]+[A-Za-z0-9\u0400-\u04FF()]+){0,3})/u;

/**
 * How many "X → Y" directions with a crypto-asset on a side `text` lists (up to 3): up to four
 * words on each side of each arrow, so that the scan stays linear in the text.
 */
function listedDirections(text: string): number {
  let n = 0;
  let arrows = 0;
  ARROWS.lastIndex = 0;
  for (let m = ARROWS.exec(text); m !== null && n < 3 && arrows++ < 200; m = ARROWS.exec(text)) {
    const left = LEFT_SIDE.exec(text.slice(Math.max(0, m.index - 60), m.index))?.[1];
    const right = RIGHT_SIDE.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 60))?.[1];
    if (left !== undefined && right !== undefined && isDirectionTitle(`${left} → ${right}`)) n++;
  }
  ARROWS.lastIndex = 0;
  return n;
}

/** Adds the families to `t`; `lower` is the sample's text, folded and in lower case. */
export function exchangerEvidence(
  t: Tally,
  sample: PageSample,
  lower: string,
  cryptoPage: boolean,
): { userAd: boolean } {
  const v = exchangerPageVocabulary();
  const titles = [sample.title, ...sample.headings.slice(0, 3)];
  if (titles.some((title) => isDirectionTitle(title))) t.add('direction-title', DIRECTION_POINTS);

  if (listedDirections([sample.text, ...sample.options, ...sample.tableRows].join(' \n ')) >= 2)
    t.add('direction-list', 2);

  const present = stemsIn(lower);
  const has = (stems: readonly string[]): boolean => stems.some((stem) => present.has(stem));
  const families = v.OPERATIONS.filter(({ stems, pattern }) => has(stems) && hasWord(pattern, lower)).length;
  const blockchain = has(BLOCKCHAIN_STEMS);
  if (cryptoPage || blockchain) {
    t.add(`exchanger-operations(${families})`, operationPoints(families));
    const document = titles.some((title) => v.DOCUMENT_TITLE.test(foldText(title.toLowerCase())));
    if (document && families >= 4) t.add('service-document', 2);
  }

  const userAd = distinctWords(v.CLASSIFIEDS, lower) >= 2;
  if (userAd) t.add('user-ad', -6);
  // A wallet's or an app's help-centre article on buying with a card describes the product's own
  // buttons, not a desk's offer.
  const helpDesk = has(HELP_DESK_STEMS) && hasWord(v.HELP_DESK, lower);
  if (helpDesk && hasWord(v.WALLET_OR_APP, lower)) t.add('wallet-help', -3);
  if (has(CHOICE_STEMS) && hasWord(v.CHOICE_ADVICE, lower)) t.add('choice-advice', -2);
  const head = foldText(`${sample.headings[0] ?? sample.title}`.toLowerCase());
  if (v.GUIDE_TITLE.test(head) || v.GUIDE_TITLE.test(foldText(sample.title.toLowerCase())))
    t.add('guide', -2);
  return { userAd };
}
