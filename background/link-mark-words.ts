/**
 * The words of the link marks, made in the background: the sentence and label of each mark and
 * the question before a blocked link. The catalogs and the verdict wording then stay out of the
 * results pages, whose content code only places what it is sent (bench/browser/link-marks.ts).
 */
import type { I18n } from '../components/i18n';
import { describeVerdict } from '../components/verdict/describe-verdict';
import { CATALOGS } from '../lib/i18n/catalogs';
import { createFormatters } from '../lib/i18n/format';
import type { Language } from '../lib/i18n/language';
import { createTranslator } from '../lib/i18n/translate';
import type { LinkMark, LinkMarkVerdict, LinkVerdicts } from '../lib/messaging/protocol';
import type { VerdictResult } from '../lib/verdict/types';

export interface LinkMarkWords {
  ask: LinkVerdicts['ask'];
  mark(result: VerdictResult & { verdict: LinkMarkVerdict }): LinkMark;
}

const made = new Map<Language, LinkMarkWords>();

export function linkMarkWords(language: Language): LinkMarkWords {
  let words = made.get(language);
  if (words) return words;
  const i18n: I18n = { ...createTranslator(CATALOGS, language), format: createFormatters(language) };
  words = {
    ask: {
      title: i18n.t('link_ask_title'),
      goBack: i18n.t('action_go_back'),
      proceed: i18n.t('action_proceed'),
    },
    mark: (result) => {
      const sentence = describeVerdict(result, null, null, i18n).headline;
      return { verdict: result.verdict, sentence, label: i18n.t('link_mark_label', { sentence }) };
    },
  };
  made.set(language, words);
  return words;
}
