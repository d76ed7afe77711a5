/**
 * Finding the registry to put in service at start: the store's metadata,
 * index head and first shards (or the whole index, from a database an
 * earlier version wrote); else the bundled snapshot, indexed and stored.
 * A damaged store is cleared and healed from the snapshot. Each function
 * returns what to put in service, and puts nothing in service itself; null
 * means there is nothing better than what is in service already.
 */
import { buildIndex } from '../match/build-index';
import type { CompactIndex } from '../match/compact-index';
import { deserializeIndex, serializeIndex } from '../match/serialize-index';
import type { RegistryPayload } from '../registry/types';
import { validatePayload } from '../registry/validate-payload';
import { describeInstall, type InstalledMeta } from '../store/installed-meta';
import type { RegistryStore } from '../store/registry-store';
import { StoredShards } from './stored-shards';

export interface Loaded {
  meta: InstalledMeta;
  index: CompactIndex;
  /** The stored index's shards, read as verdicts need them; absent when the whole index is in memory. */
  shards?: StoredShards;
}

export interface LoadDeps {
  store: () => Promise<RegistryStore>;
  /** The bundled snapshot's JSON, as shipped in the package. */
  loadBundled: () => Promise<unknown>;
  now: () => Date;
  log: (message: string) => void;
}

/** The stored registry with the index's head and `firstShards` read, or the bundled snapshot. */
export async function loadInstalled(deps: LoadDeps, firstShards: readonly number[]): Promise<Loaded | null> {
  const part = await deps
    .store()
    .then((store) => store.loadPart([0, ...firstShards]))
    .catch((error: unknown) => {
      deps.log(`cannot read the installed registry: ${String(error)}`);
      return null;
    });
  if (!part) return loadWhole(deps);
  try {
    const shards = StoredShards.from(part);
    if (part.meta.origin === 'remote' || (await bundledIsInstalled(deps, part.meta)))
      return { meta: part.meta, index: shards.index, shards };
  } catch (error) {
    deps.log(`the stored registry is damaged, healing from the bundled snapshot: ${String(error)}`);
    return healFromBundled(deps);
  }
  return installBundled(deps);
}

/** Clears a damaged store and puts the bundled snapshot in it. */
export async function healFromBundled(deps: LoadDeps): Promise<Loaded | null> {
  await clearStore(deps);
  return installBundled(deps);
}

/** A database an earlier version wrote holds the whole index in one record. */
async function loadWhole(deps: LoadDeps): Promise<Loaded | null> {
  const stored = await deps
    .store()
    .then((store) => store.loadInstalled())
    .catch((error: unknown) => {
      deps.log(`cannot read the installed registry: ${String(error)}`);
      return null;
    });
  if (stored) {
    try {
      // Header, format and length are checked at every start; the full checksum (milliseconds
      // per 100,000 entries) is left to the index builder, which wrote this record.
      const index = deserializeIndex(stored.index, { verifyChecksum: false });
      if (stored.meta.origin === 'remote' || (await bundledIsInstalled(deps, stored.meta)))
        return { meta: stored.meta, index };
    } catch (error) {
      deps.log(`the stored registry is damaged, healing from the bundled snapshot: ${String(error)}`);
      await clearStore(deps);
    }
  }
  return installBundled(deps);
}

async function clearStore(deps: LoadDeps): Promise<void> {
  await deps
    .store()
    .then((store) => store.clear())
    .catch(() => undefined);
}

/** Whether the stored bundled copy is this package's snapshot (an update may ship a newer one). */
async function bundledIsInstalled(deps: LoadDeps, meta: InstalledMeta): Promise<boolean> {
  const bundled = await readBundled(deps);
  return bundled === null || bundled.version === meta.version;
}

async function readBundled(deps: LoadDeps): Promise<RegistryPayload | null> {
  const json = await deps.loadBundled().catch(() => null);
  const validated = validatePayload(json);
  if (!validated.ok) {
    deps.log(`the bundled snapshot does not validate: ${validated.code} ${validated.detail ?? ''}`);
    return null;
  }
  return validated.payload;
}

async function installBundled(deps: LoadDeps): Promise<Loaded | null> {
  const payload = await readBundled(deps);
  if (!payload) return null;
  const index = buildIndex(payload.entries);
  const buffer = serializeIndex(index);
  const details = { origin: 'bundled', skipped: 0, installedAt: deps.now() } as const;
  try {
    return { meta: await (await deps.store()).replace(payload, details, buffer), index };
  } catch (error) {
    // Protection first: serve the bundled snapshot from memory even if it cannot be stored.
    deps.log(`cannot store the bundled snapshot: ${String(error)}`);
    return { meta: describeInstall(payload, details), index };
  }
}
