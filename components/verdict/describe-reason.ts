/**
 * The words for an entry's reason, used by describe-verdict only: the one plain sentence of each
 * reason (with the entry's date where it has one), and the short standing of an imitated site.
 */
import type { MessageKey } from '../../lib/i18n/catalogs';
import { ENTRY_REASONS, type EntryReason, type RegistryEntry } from '../../lib/registry/types';
import type { VerdictResult } from '../../lib/verdict/types';
import type { I18n } from '../i18n';

/** Locale keys spell a reason with underscores: `licence-expired` → `licence_expired`. */
type KeyPart =
  | 'regulator_warning'
  | 'other_entity'
  | 'licence_withdrawn'
  | 'licence_expired'
  | 'licence_suspended'
  | 'state_block'
  | 'pyramid';

const KNOWN: ReadonlySet<string> = new Set(ENTRY_REASONS);

/** The reason in locale keys' spelling; null when this version does not know it. */
function keyPart(reason: string | undefined): KeyPart | null {
  return reason !== undefined && KNOWN.has(reason) ? (reason.replace(/-/g, '_') as KeyPart) : null;
}

/** The verdict's reason: the entry's own, or `licence-expired` for a licence past its end. */
function reasonOf(result: VerdictResult): string | undefined {
  return result.reason.kind === 'registry' ? result.reason.reason : undefined;
}

/**
 * The headline and explanation of a registry verdict's reason, with `name` and `date` put into
 * `params`; null when the verdict has no reason this version knows (the status's sentence is used).
 */
export function reasonMessages(
  result: VerdictResult,
  entry: RegistryEntry,
  params: Record<string, string>,
  i18n: I18n,
): { headline: MessageKey; explanation: MessageKey } | null {
  const reason = reasonOf(result);
  const part = keyPart(reason);
  if (part === null || result.reason.kind !== 'registry') return null;
  if ((reason as EntryReason) === 'other-entity' && entry.alternative) {
    params.site = entry.alternative;
    return { headline: 'headline_reason_other_entity', explanation: 'explain_warning_alternative' };
  }
  params.name = entry.name ?? entry.target;
  const day = reason === 'licence-expired' ? (entry.validUntil ?? entry.since) : entry.since;
  if (day) params.date = i18n.format.day(day);
  return {
    headline: `headline_reason_${part}`,
    explanation: day ? `explain_reason_${part}_dated` : `explain_reason_${part}`,
  };
}

/** Where an imitated site stands, in a few words ("named in an AFSA warning"). */
export function standingOf(entry: RegistryEntry, { t }: I18n): string {
  const part = entry.status === 'licensed' ? null : keyPart(entry.reason);
  if (part === 'regulator_warning' && entry.source?.startsWith('afsa')) {
    return t('standing_reason_regulator_warning_afsa');
  }
  if (part !== null) return t(`standing_reason_${part}`);
  return t(`standing_${entry.status}`);
}
