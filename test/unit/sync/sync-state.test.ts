import { describe, expect, it } from 'vitest';
import { reject } from '../../../lib/registry/rejection';
import { FIRST_RETRY_MINUTES } from '../../../lib/sync/backoff';
import {
  attemptState,
  EMPTY_SYNC_STATE,
  type SyncState,
  failedState,
  succeededState,
  versionToBeat,
  withoutAddress,
} from '../../../lib/sync/sync-state';

const URL_A = 'https://registry.example.kz/a.json';
const URL_B = 'https://registry.example.kz/b.json';
const NOW = new Date('2026-12-02T10:00:00Z');

const after: SyncState = {
  ...EMPTY_SYNC_STATE,
  registryUrl: URL_A,
  etag: '"v7"',
  lastRemoteVersion: 7,
  failures: 2,
  lastError: { code: 'network-error', at: '2026-12-01T00:00:00.000Z' },
  nextAttemptAt: '2026-12-02T11:00:00.000Z',
};

describe('the sync state of one attempt', () => {
  it('keeps the ETag only while the remote registry in service came from the same address', () => {
    expect(attemptState(after, URL_A, true, NOW).etag).toBe('"v7"');
    expect(attemptState(after, URL_A, false, NOW).etag).toBeNull();
    expect(attemptState(after, URL_B, true, NOW).etag).toBeNull();
  });

  it('keeps the rollback guard for the same address and drops it for another', () => {
    expect(attemptState(after, URL_A, false, NOW).lastRemoteVersion).toBe(7);
    const other = attemptState(after, URL_B, false, NOW);
    expect(other.lastRemoteVersion).toBeNull();
    expect(other.registryUrl).toBe(URL_B);
    expect(other.lastAttemptAt).toBe(NOW.toISOString());
  });

  it('asks a fetched registry to beat the one in service, else one below the highest ever accepted', () => {
    const attempt = attemptState(after, URL_A, false, NOW);
    expect(versionToBeat(attempt, 9)).toBe(9);
    expect(versionToBeat(attempt, null)).toBe(6);
    expect(versionToBeat(attemptState(after, URL_B, false, NOW), null)).toBeNull();
  });

  it('clears failures on success and on a missing address', () => {
    const done = succeededState(attemptState(after, URL_A, true, NOW), '"v8"');
    expect(done).toMatchObject({ etag: '"v8"', failures: 0, lastError: null, nextAttemptAt: null });
    expect(done.lastSuccessAt).toBe(NOW.toISOString());
    expect(withoutAddress(after)).toMatchObject({ registryUrl: null, failures: 0, lastError: null });
  });

  it('counts a failure, keeps its code and detail, and sets the next attempt after a backed-off delay', () => {
    const failed = failedState(after, reject('signature-untrusted', 'no key'), {
      intervalMinutes: 360,
      at: NOW,
      random: 0.5,
    });
    expect(failed.failures).toBe(3);
    expect(failed.lastError).toEqual({
      code: 'signature-untrusted',
      detail: 'no key',
      at: NOW.toISOString(),
    });
    const waitMinutes = (Date.parse(failed.nextAttemptAt ?? '') - NOW.getTime()) / 60_000;
    expect(waitMinutes).toBe(FIRST_RETRY_MINUTES * 4);
  });
});
