/**
 * The evidence families added for exchangers as they are really written: a title that is an
 * exchange direction, the vocabulary of a desk's own operations (which its form-less pages carry),
 * and two pulls down — a classified ad among others, and a guide's title.
 */
import { isDirectionTitle } from './exchange-direction';
import { exchangerPageVocabulary } from './exchanger-pages';
import { foldText } from './fold-text';
import type { Tally } from './score-page';
import type { PageSample } from './types';
import { distinctWords, hasWord } from './word-match';

const DIRECTION_POINTS = 3;

function operationPoints(families: number): number {
  if (families >= 7) return 4;
  if (families >= 5) return 3;
  if (families >= 3) return 2;
  return 0;
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

  const families = v.OPERATIONS.filter((pattern) => hasWord(pattern, lower)).length;
  if (cryptoPage) t.add(`exchanger-operations(${families})`, operationPoints(families));

  const userAd = distinctWords(v.CLASSIFIEDS, lower) >= 2;
  if (userAd) t.add('user-ad', -6);
  const head = foldText(`${sample.headings[0] ?? sample.title}`.toLowerCase());
  if (v.GUIDE_TITLE.test(head) || v.GUIDE_TITLE.test(foldText(sample.title.toLowerCase())))
    t.add('guide', -2);
  return { userAd };
}
