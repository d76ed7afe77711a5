/**
 * What one sync attempt does to the stored sync state, as pure steps: the
 * attempt begins (`attemptState`), then ends in success (`succeededState`)
 * or failure (`failedState`, which sets when to try again); with no registry
 * address there is no attempt (`withoutAddress`).
 */
import type { Rejection, RejectionCode } from '../registry/rejection';
import { retryDelayMinutes } from './backoff';

/** The sync's own record in the store: where from, how it last went, and when to try again. */
export interface SyncState {
  registryUrl: string | null;
  etag: string | null;
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  /** Highest remote version ever accepted: a rollback guard that survives a fall-back to the bundled copy. */
  lastRemoteVersion: number | null;
  lastError: { code: RejectionCode; detail?: string; at: string } | null;
  failures: number;
  nextAttemptAt: string | null;
}

export const EMPTY_SYNC_STATE: SyncState = {
  registryUrl: null,
  etag: null,
  lastAttemptAt: null,
  lastSuccessAt: null,
  lastRemoteVersion: null,
  lastError: null,
  failures: 0,
  nextAttemptAt: null,
};

/** No registry address: nothing to try, nothing failed. */
export function withoutAddress(previous: SyncState): SyncState {
  return { ...previous, registryUrl: null, lastError: null, failures: 0, nextAttemptAt: null };
}

/**
 * An attempt on `url` begins. The ETag is kept only while the registry in service came from that
 * same address (otherwise a 304 would keep the wrong registry); the rollback guard only while the
 * address is the same.
 */
export function attemptState(
  previous: SyncState,
  url: string,
  remoteInService: boolean,
  now: Date,
): SyncState {
  const sameSource = previous.registryUrl === url;
  return {
    ...previous,
    registryUrl: url,
    etag: remoteInService && sameSource ? previous.etag : null,
    lastRemoteVersion: sameSource ? previous.lastRemoteVersion : null,
    lastAttemptAt: now.toISOString(),
  };
}

/**
 * The version a fetched registry must be newer than: the one in service when it came from this
 * address, else one below the highest version this address ever gave (the same version may
 * come back after a fall-back to the bundled copy; an older one may not).
 */
export function versionToBeat(attempt: SyncState, versionInService: number | null): number | null {
  if (versionInService !== null) return versionInService;
  return attempt.lastRemoteVersion === null ? null : attempt.lastRemoteVersion - 1;
}

export function succeededState(attempt: SyncState, etag: string | null): SyncState {
  return {
    ...attempt,
    etag,
    lastSuccessAt: attempt.lastAttemptAt,
    lastError: null,
    failures: 0,
    nextAttemptAt: null,
  };
}

/** The attempt failed with `rejection` at `at`; the next one waits a backed-off, jittered delay. */
export function failedState(
  attempt: SyncState,
  rejection: Rejection,
  { intervalMinutes, at, random }: { intervalMinutes: number; at: Date; random: number },
): SyncState {
  const failures = attempt.failures + 1;
  const delay = retryDelayMinutes(failures, intervalMinutes, random);
  return {
    ...attempt,
    failures,
    lastError: {
      code: rejection.code,
      ...(rejection.detail === undefined ? {} : { detail: rejection.detail }),
      at: at.toISOString(),
    },
    nextAttemptAt: new Date(at.getTime() + delay * 60_000).toISOString(),
  };
}
