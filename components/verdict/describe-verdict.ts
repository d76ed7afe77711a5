/**
 * What a verdict means in words: the one plain sentence, the explanation, the
 * line that says where the information comes from, and the licensed site to
 * send people to. Shared by the banner, the block page and the popup.
 */
import type { MessageKey } from '@/lib/i18n/catalogs';
import type { RegistryEntry } from '@/lib/registry/types';
import type { VerdictResult } from '@/lib/verdict/types';
import type { I18n } from '../i18n';
import { reasonMessages, standingOf } from './describe-reason';

/** The source id the registry gives the Agency for Financial Monitoring. */
const AFM_SOURCE_ID = 'afm';

export interface VerdictSource {
  id: string;
  title: string;
  url?: string;
}

export interface VerdictDescription {
  headline: string;
  explanation: string;
  /** Where the information comes from; null when nothing is known. */
  sourceLine: string | null;
  /** The registry target of the licensed site people should use instead. */
  licensedTarget: string | null;
  /** The registry entry behind the verdict (for lookalike: the imitated one). */
  entry: RegistryEntry | null;
  /** "Licensed until 31 December 2026" for a licence that ends soon; null otherwise. */
  licenceEnding: string | null;
}

export function verdictEntry(result: VerdictResult): RegistryEntry | null {
  if (result.reason.kind === 'registry' || result.reason.kind === 'lookalike') return result.reason.entry;
  return null;
}

export function describeVerdict(
  result: VerdictResult,
  source: VerdictSource | null,
  registryIssuedAt: string | null,
  i18n: I18n,
): VerdictDescription {
  const { t } = i18n;
  const entry = verdictEntry(result);
  const reason = result.reason;
  const date = registryIssuedAt ? i18n.format.date(registryIssuedAt) : null;
  let headline: MessageKey;
  let explanation: MessageKey;
  let licensedTarget: string | null = null;
  const params: Record<string, string> = {};
  const reasonSentence = entry ? reasonMessages(result, entry, params, i18n) : null;

  switch (result.verdict) {
    case 'blocked':
      if (reason.kind === 'policy-blocked') {
        headline = 'headline_blocked_policy';
        explanation = 'explain_blocked_policy';
      } else if (reasonSentence) {
        ({ headline, explanation } = reasonSentence);
      } else {
        headline =
          (entry?.source ?? source?.id) === AFM_SOURCE_ID ? 'headline_blocked_afm' : 'headline_blocked';
        explanation = 'explain_blocked';
      }
      break;
    case 'warning':
      licensedTarget = entry?.alternative ?? null;
      if (reasonSentence) {
        ({ headline, explanation } = reasonSentence);
        break;
      }
      headline = licensedTarget ? 'headline_warning_alternative' : 'headline_warning';
      explanation = licensedTarget ? 'explain_warning_alternative' : 'explain_warning';
      if (licensedTarget) params.site = licensedTarget;
      break;
    case 'lookalike': {
      const imitates = reason.kind === 'lookalike' ? reason.imitates : (entry?.target ?? '');
      licensedTarget = entry?.status === 'licensed' ? entry.target : null;
      params.site = imitates;
      const standing = entry ? standingOf(entry, i18n) : null;
      if (standing) params.standing = standing;
      headline = standing ? 'headline_lookalike_standing' : 'headline_lookalike';
      explanation = 'explain_lookalike';
      break;
    }
    case 'unregistered':
      headline = 'headline_unregistered';
      explanation = 'explain_unregistered';
      break;
    case 'licensed':
      headline = 'headline_licensed';
      explanation = 'explain_licensed';
      break;
    case 'unknown':
      headline =
        reason.kind === 'policy-allowed'
          ? 'headline_unknown_allowed'
          : result.exemption
            ? 'headline_unknown_exempt'
            : 'headline_unknown';
      explanation = 'explain_unknown';
      break;
  }

  return {
    headline: t(headline, params),
    explanation: t(explanation, params),
    sourceLine: describeSource(result, source, date, i18n),
    licensedTarget,
    entry,
    licenceEnding:
      reason.kind === 'registry' && reason.licenceEndingSoon && entry?.validUntil
        ? t('licence_until', { date: i18n.format.day(entry.validUntil) })
        : null,
  };
}

function describeSource(
  result: VerdictResult,
  source: VerdictSource | null,
  date: string | null,
  { t }: I18n,
): string | null {
  const kind = result.reason.kind;
  if (kind === 'policy-blocked' || kind === 'policy-allowed') return t('source_policy');
  if (kind === 'unregistered') return date ? t('source_detector', { date }) : null;
  if (kind === 'none') return null;
  if (source && date) return t('source_registry', { source: source.title, date });
  return date ? t('source_registry_only', { date }) : null;
}
