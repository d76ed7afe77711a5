/**
 * One attempt to sync the signed registry: fetch it (with the ETag of the
 * one in service), verify and check it (acceptRegistry), store it with its
 * index in one replacement, and hand it over to be put in service. Every
 * outcome is written to the sync state, with when to try again after a
 * failure. Nothing fetched is stored or used before it has verified.
 */
import { buildIndex } from '../match/build-index';
import type { CompactIndex } from '../match/compact-index';
import { serializeIndex } from '../match/serialize-index';
import type { EffectiveSettings } from '../policy/types';
import { acceptRegistry } from '../registry/accept-registry';
import { reject, type Rejection } from '../registry/rejection';
import type { InstalledMeta } from '../store/installed-meta';
import type { RegistryStore } from '../store/registry-store';
import { fetchRegistry } from '../sync/fetch-registry';
import {
  attemptState,
  EMPTY_SYNC_STATE,
  failedState,
  succeededState,
  versionToBeat,
  withoutAddress,
  type SyncState,
} from '../sync/sync-state';
import type { Loaded } from './load-registry';

export interface SyncResult {
  outcome: 'installed' | 'not-modified' | 'up-to-date' | 'no-registry-url' | 'failed';
  state: SyncState;
}

export interface SyncDeps {
  store: () => Promise<RegistryStore>;
  fetch: typeof fetch;
  /** Keys built into this build; the policy's trustedKeys are added to them. */
  builtInKeys: readonly string[];
  now: () => Date;
  random?: () => number;
  fetchTimeoutMs?: number;
  log: (message: string) => void;
}

export async function readSyncState(store: () => Promise<RegistryStore>): Promise<SyncState> {
  return (await store()).getSyncState().catch(() => ({ ...EMPTY_SYNC_STATE }));
}

/** Syncs once against the registry in service (`inService`); `install` puts a new one in service. */
export async function syncOnce(
  deps: SyncDeps,
  settings: EffectiveSettings,
  inService: InstalledMeta | null,
  install: (loaded: Loaded) => void,
): Promise<SyncResult> {
  const now = deps.now();
  const previous = await readSyncState(deps.store);
  const url = settings.registryUrl;
  if (!url) return settle(deps, 'no-registry-url', withoutAddress(previous));
  const remoteInService = inService?.origin === 'remote';
  const attempt = attemptState(previous, url, remoteInService, now);
  const failed = (rejection: Rejection) => fail(deps, settings, attempt, rejection);

  const fetched = await fetchRegistry({
    url,
    etag: attempt.etag,
    fetch: deps.fetch,
    ...(deps.fetchTimeoutMs ? { timeoutMs: deps.fetchTimeoutMs } : {}),
  });
  if (!fetched.ok) return failed(fetched);
  if (fetched.kind === 'not-modified')
    return settle(deps, 'not-modified', succeededState(attempt, attempt.etag));

  const sameSource = previous.registryUrl === url;
  const accepted = await acceptRegistry({
    bytes: fetched.bytes,
    trustedKeys: [...deps.builtInKeys, ...settings.trustedKeys],
    installedVersion: versionToBeat(
      attempt,
      remoteInService && sameSource ? (inService?.version ?? null) : null,
    ),
    now,
  });
  if (!accepted.ok) {
    if (accepted.code === 'same-version')
      return settle(deps, 'up-to-date', succeededState(attempt, fetched.etag));
    return failed(accepted);
  }
  let index: CompactIndex | null = null;
  try {
    const meta = await (
      await deps.store()
    ).replace(accepted.payload, { origin: 'remote', skipped: accepted.skipped, installedAt: now }, () => {
      index = buildIndex(accepted.payload.entries);
      return serializeIndex(index);
    });
    if (!index) throw new Error('the index was not built');
    install({ meta, index });
  } catch (error) {
    return failed(reject('store-failed', String(error)));
  }
  const installed = { ...attempt, lastRemoteVersion: accepted.payload.version };
  return settle(deps, 'installed', succeededState(installed, fetched.etag));
}

async function fail(
  deps: SyncDeps,
  settings: EffectiveSettings,
  attempt: SyncState,
  rejection: Rejection,
): Promise<SyncResult> {
  const state = failedState(attempt, rejection, {
    intervalMinutes: settings.syncIntervalMinutes,
    at: deps.now(),
    random: (deps.random ?? Math.random)(),
  });
  deps.log(`registry sync failed: ${rejection.code} ${rejection.detail ?? ''}`);
  return settle(deps, 'failed', state);
}

/** Writes the attempt's end; a state that cannot be written is logged, and the outcome stands. */
async function settle(deps: SyncDeps, outcome: SyncResult['outcome'], state: SyncState): Promise<SyncResult> {
  await deps
    .store()
    .then((store) => store.putSyncState(state))
    .catch((error: unknown) => {
      deps.log(`cannot save the sync state: ${String(error)}`);
    });
  return { outcome, state };
}
