/**
 * The texts the page scorer reads a sample as, put together in one place: the scorer
 * (score-page.ts) and the page's first test of its own sample (sample-may-score.ts) must read the
 * same words, or the first test would stop a page the scorer would flag. Kept apart from the
 * scorer so that the page code does not carry it.
 */
import type { PageSample } from './types';

/** Text in its own case (for tickers) and in lower case (for words), as written. */
export interface PlainText {
  plain: string;
  lowerPlain: string;
}

export function plainText(...parts: string[]): PlainText {
  const plain = parts.join(' \n ');
  return { plain, lowerPlain: plain.toLowerCase() };
}

export interface SampleTexts {
  headPlain: PlainText;
  rows: string;
  options: string;
  buttons: string;
  /** Everything the page says, head to buttons. */
  allPlain: PlainText;
  /** Where rate quotes are looked for: matched as written, so not folded. */
  quoted: string;
}

export function sampleTexts(sample: PageSample): SampleTexts {
  const headPlain = plainText(sample.title, sample.description, ...sample.headings);
  const rows = sample.tableRows.join(' \n ');
  const options = sample.options.join(' \n ');
  const buttons = sample.buttons.join(' \n ').toLowerCase();
  const allPlain = plainText(headPlain.plain, sample.text, rows, options, buttons);
  const quoted = [sample.text, rows, options, headPlain.plain].join(' \n ');
  return { headPlain, rows, options, buttons, allPlain, quoted };
}
