import type { EntryStatus, RegistryEntry } from '../registry/types';
import { licenceState } from './licence-validity';
import type { VerdictResult } from './types';

/** The reason a licensed entry past its `validUntil` carries. */
export const LICENCE_EXPIRED = 'licence-expired';

/**
 * The verdict of a registry entry on `today` (the device's calendar day, YYYY-MM-DD): a licence
 * past its `validUntil` is a `warning` from that day on, without waiting for a registry update.
 */
export function registryVerdict(
  host: string,
  status: EntryStatus,
  entry: RegistryEntry,
  today: string | undefined,
): VerdictResult {
  if (status !== 'licensed') {
    const reason = entry.reason;
    return { verdict: status, host, reason: { kind: 'registry', entry, ...(reason ? { reason } : {}) } };
  }
  const state = today === undefined ? 'valid' : licenceState(entry.validUntil, today);
  if (state === 'ended') {
    return { verdict: 'warning', host, reason: { kind: 'registry', entry, reason: LICENCE_EXPIRED } };
  }
  const soon = state === 'ending' ? { licenceEndingSoon: true as const } : {};
  return { verdict: 'licensed', host, reason: { kind: 'registry', entry, ...soon } };
}

/**
 * An entry as it stands on `today`: a licence past its `validUntil` stands as a warning with the
 * reason `licence-expired`, so that a site it is imitated for is described as it is now.
 */
export function entryStandingOn(entry: RegistryEntry, today: string | undefined): RegistryEntry {
  if (entry.status !== 'licensed' || today === undefined) return entry;
  if (licenceState(entry.validUntil, today) !== 'ended') return entry;
  return { ...entry, status: 'warning', reason: LICENCE_EXPIRED };
}
