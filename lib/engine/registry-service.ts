/**
 * Keeps the installed registry and answers verdicts. It loads the hot index
 * from the store at start (falling back to the bundled snapshot when the
 * store is empty, of another layout or damaged), syncs the signed registry
 * one attempt at a time, and never lets a verdict wait on the network.
 * Every browser-facing dependency is passed in.
 */
import { createLookalikeDetector, protectedBrands, type LookalikeDetector } from '../detect/lookalike';
import { buildIndex } from '../match/build-index';
import type { CompactIndex } from '../match/compact-index';
import { SHARD_BITS } from '../match/index-shards';
import { shardsToProbe } from '../match/probe-shards';
import { deserializeIndex, serializeIndex } from '../match/serialize-index';
import type { EffectiveSettings } from '../policy/types';
import { acceptRegistry } from '../registry/accept-registry';
import { reject, type Rejection } from '../registry/rejection';
import type { RegistryEntry, RegistryPayload } from '../registry/types';
import { validatePayload } from '../registry/validate-payload';
import {
  EMPTY_SYNC_STATE,
  describeInstall,
  type InstalledMeta,
  type RegistryStore,
  type SyncState,
} from '../store/registry-store';
import { retryDelayMinutes } from '../sync/backoff';
import { StoredShards } from './stored-shards';
import { fetchRegistry } from '../sync/fetch-registry';
import { addressToJudge } from '../links/address-to-judge';
import { parseLookupInput, type LookupInput } from '../url/lookup-input';
import { decideVerdict } from '../verdict/decide-verdict';
import { localDay } from '../verdict/licence-validity';
import { buildPolicyIndex, type PolicyIndex } from '../verdict/policy-index';
import type { VerdictResult } from '../verdict/types';

export interface RegistryServiceDeps {
  /** Opens the store on first use, so that a worker's listeners never wait for it. */
  openStore: () => Promise<RegistryStore>;
  fetch: typeof fetch;
  /** The bundled snapshot's JSON, as shipped in the package. */
  loadBundled: () => Promise<unknown>;
  /** Keys built into this build; the policy's trustedKeys are added to them. */
  builtInKeys: readonly string[];
  now: () => Date;
  random?: () => number;
  fetchTimeoutMs?: number;
  log?: (message: string) => void;
}

export interface SyncResult {
  outcome: 'installed' | 'not-modified' | 'up-to-date' | 'no-registry-url' | 'failed';
  state: SyncState;
}

interface Installed {
  meta: InstalledMeta;
  index: CompactIndex;
  lookalike: LookalikeDetector;
  /** The stored index's shards, read as verdicts need them; absent when the whole index is in memory. */
  shards?: StoredShards;
}

export class RegistryService {
  private installed: Installed | null = null;
  /** The shards the first verdict needs, read with the metadata when the registry loads. */
  private firstShards: number[] | null = null;
  private readonly entryCache = new Map<number, RegistryEntry>();
  private policyKey = '';
  private policyIndex: PolicyIndex | null = null;
  private starting: Promise<void> | null = null;
  private syncing: Promise<SyncResult> | null = null;
  private syncingSource = '';
  private readonly listeners = new Set<() => void>();
  private storePromise: Promise<RegistryStore> | null = null;

  constructor(private readonly deps: RegistryServiceDeps) {}

  private store(): Promise<RegistryStore> {
    this.storePromise ??= this.deps.openStore();
    return this.storePromise;
  }

  /** Loads the installed registry once; later calls share the same promise. */
  ready(): Promise<void> {
    this.starting ??= this.load();
    return this.starting;
  }

  /** Called after every change of the installed registry. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get meta(): InstalledMeta | null {
    return this.installed?.meta ?? null;
  }

  /** Opens the database, and nothing more: a woken worker's first verdict reads only the shards it needs. */
  open(): void {
    this.store().catch((error: unknown) => this.log(`cannot open the registry database: ${String(error)}`));
  }

  /**
   * Starts reading what the first verdict, for `url`, needs (the metadata, the index's head and the
   * shards its host can match) while the caller reads its settings: a woken worker does both at
   * once instead of one after the other. Later verdicts read their own shards.
   */
  prepare(url: string): void {
    if (this.firstShards !== null) return;
    this.noteFirstShards(parseLookupInput(addressToJudge(url)));
    this.ready().catch(() => undefined);
  }

  /** The first verdict's shards, read with the metadata when the registry loads; later ones change nothing. */
  private noteFirstShards(input: LookupInput): void {
    this.firstShards ??= input.kind === 'web' ? [...shardsToProbe(input.host, input.path, SHARD_BITS)] : [];
  }

  /** The verdict for a URL or a popup query, with the registry entry's details when it has one. */
  async verdict(url: string, settings: EffectiveSettings, pageScore?: number): Promise<VerdictResult> {
    let wanted: number | undefined;
    // Every verdict of a page or lookup passes here: a Telegram Web chat is judged as its t.me address.
    const judged = addressToJudge(url);
    const input = parseLookupInput(judged);
    this.noteFirstShards(input);
    await this.ready();
    const installed =
      input.kind === 'web' ? await this.withShardsFor(input.host, input.path) : this.installed;
    const decide = () =>
      decideVerdict(judged, {
        registry: installed?.index ?? null,
        entryAt: (ordinal) => {
          wanted = ordinal;
          return this.entryCache.get(ordinal);
        },
        policy: this.policyFor(settings),
        lookalike: installed?.lookalike,
        today: localDay(this.deps.now()),
        ...(settings.detectUnregistered && pageScore !== undefined ? { unregisteredScore: pageScore } : {}),
      });
    const first = decide();
    if (first.reason.kind !== 'registry' || wanted === undefined || this.entryCache.has(wanted)) return first;
    const entry = await this.store()
      .then((store) => store.entryAt(wanted as number))
      .catch(() => undefined);
    if (!entry) return first;
    if (this.entryCache.size > 2048) this.entryCache.clear();
    this.entryCache.set(wanted, entry);
    return decide();
  }

  /**
   * Fetches, verifies and installs the remote registry, one attempt at a
   * time. A request for the same source joins the attempt under way; one for
   * another source (a policy just changed it) runs right after it.
   */
  sync(settings: EffectiveSettings): Promise<SyncResult> {
    const source = JSON.stringify([settings.registryUrl, settings.trustedKeys]);
    if (this.syncing && this.syncingSource === source) return this.syncing;
    const before = this.syncing ?? Promise.resolve();
    const run = before.catch(() => undefined).then(() => this.runSync(settings));
    this.syncing = run;
    this.syncingSource = source;
    run
      .finally(() => {
        if (this.syncing === run) this.syncing = null;
      })
      .catch(() => undefined);
    return run;
  }

  async syncState(): Promise<SyncState> {
    return (await this.store()).getSyncState().catch(() => ({ ...EMPTY_SYNC_STATE }));
  }

  private policyFor(settings: EffectiveSettings): PolicyIndex | null {
    if (settings.extraAllowed.length === 0 && settings.extraBlocked.length === 0) return null;
    const key = JSON.stringify([settings.extraAllowed, settings.extraBlocked]);
    if (key !== this.policyKey) {
      this.policyKey = key;
      this.policyIndex = buildPolicyIndex(settings);
    }
    return this.policyIndex;
  }

  /**
   * The installed registry with the index shards that `host` and `path` may match placed. Shards
   * read under another index's head (another registry was stored) make it load again; a shard
   * missing from the store or unreadable means the stored registry is damaged: it is healed from
   * the bundled snapshot, as at start.
   */
  private async withShardsFor(host: string, path: string): Promise<Installed | null> {
    const installed = this.installed;
    const missing = installed?.shards?.missing(host, path) ?? [];
    if (!installed || missing.length === 0) return installed;
    const part = await this.store()
      .then((store) => store.loadPart(missing))
      .catch(() => null);
    if (this.installed !== installed) return this.withShardsFor(host, path);
    const placed = part ? installed.shards?.place(part, missing) : 'damaged';
    if (placed === 'placed') return installed;
    if (placed === 'other-index') {
      this.starting = this.load();
    } else {
      this.log('the stored index is damaged, healing from the bundled snapshot');
      this.starting = this.heal();
    }
    await this.starting;
    // Nothing new was put in service (the bundled snapshot cannot be read): answer with what there is.
    return this.installed === installed ? installed : this.withShardsFor(host, path);
  }

  private async heal(): Promise<void> {
    await this.store()
      .then((store) => store.clear())
      .catch(() => undefined);
    await this.installBundled();
  }

  /**
   * Reads the metadata, the index's head and the shards the first verdict needs in one go; the
   * other shards are read as verdicts need them. A database an earlier version wrote (the whole
   * index in one record) is read whole.
   */
  private async load(): Promise<void> {
    const part = await this.store()
      .then((store) => store.loadPart([0, ...(this.firstShards ?? [])]))
      .catch((error: unknown) => {
        this.log(`cannot read the installed registry: ${String(error)}`);
        return null;
      });
    if (part) {
      try {
        const shards = StoredShards.from(part);
        if (part.meta.origin === 'remote' || (await this.bundledIsInstalled(part.meta))) {
          this.activate(part.meta, shards.index, false, shards);
          return;
        }
      } catch (error) {
        this.log(`the stored registry is damaged, healing from the bundled snapshot: ${String(error)}`);
        await this.heal();
        return;
      }
      await this.installBundled();
      return;
    }
    await this.loadWhole();
  }

  private async loadWhole(): Promise<void> {
    const stored = await this.store()
      .then((store) => store.loadInstalled())
      .catch((error: unknown) => {
        this.log(`cannot read the installed registry: ${String(error)}`);
        return null;
      });
    if (stored) {
      try {
        // Header, format and length are checked at every start; the full checksum (milliseconds
        // per 100,000 entries) is left to the index builder, which wrote this record.
        const index = deserializeIndex(stored.index, { verifyChecksum: false });
        if (stored.meta.origin === 'remote' || (await this.bundledIsInstalled(stored.meta))) {
          this.activate(stored.meta, index);
          return;
        }
      } catch (error) {
        this.log(`the stored registry is damaged, healing from the bundled snapshot: ${String(error)}`);
        await this.store()
          .then((store) => store.clear())
          .catch(() => undefined);
      }
    }
    await this.installBundled();
  }

  private async bundledIsInstalled(meta: InstalledMeta): Promise<boolean> {
    const bundled = await this.readBundled();
    return bundled === null || bundled.version === meta.version;
  }

  private async readBundled(): Promise<RegistryPayload | null> {
    const json = await this.deps.loadBundled().catch(() => null);
    const validated = validatePayload(json);
    if (!validated.ok) {
      this.log(`the bundled snapshot does not validate: ${validated.code} ${validated.detail ?? ''}`);
      return null;
    }
    return validated.payload;
  }

  private async installBundled(): Promise<void> {
    const payload = await this.readBundled();
    if (!payload) return;
    const index = buildIndex(payload.entries);
    const buffer = serializeIndex(index);
    const details = { origin: 'bundled', skipped: 0, installedAt: this.deps.now() } as const;
    try {
      this.activate(await (await this.store()).replace(payload, details, buffer), index);
    } catch (error) {
      // Protection first: serve the bundled snapshot from memory even if it cannot be stored.
      this.log(`cannot store the bundled snapshot: ${String(error)}`);
      this.activate(describeInstall(payload, details), index);
    }
  }

  /** Puts a registry in service; `replaced` tells listeners that one registry took another's place. */
  private activate(
    meta: InstalledMeta,
    index: CompactIndex,
    replaced = false,
    shards?: StoredShards,
  ): Installed {
    const brands = protectedBrands(meta.brandEntries, meta.brands);
    this.installed = {
      meta,
      index,
      lookalike: createLookalikeDetector(brands),
      ...(shards ? { shards } : {}),
    };
    this.entryCache.clear();
    if (replaced) for (const listener of this.listeners) listener();
    return this.installed;
  }

  private async runSync(settings: EffectiveSettings): Promise<SyncResult> {
    await this.ready();
    const now = this.deps.now();
    const previous = await this.syncState();
    const url = settings.registryUrl;
    if (!url) {
      const next = { ...previous, registryUrl: null, lastError: null, failures: 0, nextAttemptAt: null };
      await this.saveState(next);
      return { outcome: 'no-registry-url', state: next };
    }
    const sameSource = previous.registryUrl === url;
    const installedRemote = this.installed?.meta.origin === 'remote' && sameSource;
    const base: SyncState = {
      ...previous,
      registryUrl: url,
      etag: installedRemote ? previous.etag : null,
      lastRemoteVersion: sameSource ? previous.lastRemoteVersion : null,
      lastAttemptAt: now.toISOString(),
    };
    const fetched = await fetchRegistry({
      url,
      etag: base.etag,
      fetch: this.deps.fetch,
      ...(this.deps.fetchTimeoutMs ? { timeoutMs: this.deps.fetchTimeoutMs } : {}),
    });
    if (!fetched.ok) return this.fail(base, fetched, settings);
    if (fetched.kind === 'not-modified') return this.succeed(base, 'not-modified', base.etag);

    const installedVersion = installedRemote
      ? (this.installed?.meta.version ?? null)
      : base.lastRemoteVersion === null
        ? null
        : base.lastRemoteVersion - 1;
    const accepted = await acceptRegistry({
      bytes: fetched.bytes,
      trustedKeys: [...this.deps.builtInKeys, ...settings.trustedKeys],
      installedVersion,
      now,
    });
    if (!accepted.ok) {
      if (accepted.code === 'same-version') return this.succeed(base, 'up-to-date', fetched.etag);
      return this.fail(base, accepted, settings);
    }
    let index: CompactIndex | null = null;
    try {
      const meta = await (
        await this.store()
      ).replace(accepted.payload, { origin: 'remote', skipped: accepted.skipped, installedAt: now }, () => {
        index = buildIndex(accepted.payload.entries);
        return serializeIndex(index);
      });
      if (!index) throw new Error('the index was not built');
      this.activate(meta, index, true);
    } catch (error) {
      return this.fail(base, reject('store-failed', String(error)), settings);
    }
    return this.succeed({ ...base, lastRemoteVersion: accepted.payload.version }, 'installed', fetched.etag);
  }

  private async succeed(
    state: SyncState,
    outcome: SyncResult['outcome'],
    etag: string | null,
  ): Promise<SyncResult> {
    const next: SyncState = {
      ...state,
      etag,
      lastSuccessAt: state.lastAttemptAt,
      lastError: null,
      failures: 0,
      nextAttemptAt: null,
    };
    await this.saveState(next);
    return { outcome, state: next };
  }

  private async fail(
    state: SyncState,
    rejection: Rejection,
    settings: EffectiveSettings,
  ): Promise<SyncResult> {
    const failures = state.failures + 1;
    const delay = retryDelayMinutes(
      failures,
      settings.syncIntervalMinutes,
      (this.deps.random ?? Math.random)(),
    );
    const at = this.deps.now();
    const next: SyncState = {
      ...state,
      failures,
      lastError: {
        code: rejection.code,
        ...(rejection.detail === undefined ? {} : { detail: rejection.detail }),
        at: at.toISOString(),
      },
      nextAttemptAt: new Date(at.getTime() + delay * 60_000).toISOString(),
    };
    this.log(`registry sync failed: ${rejection.code} ${rejection.detail ?? ''}`);
    await this.saveState(next);
    return { outcome: 'failed', state: next };
  }

  private async saveState(state: SyncState): Promise<void> {
    await this.store()
      .then((store) => store.putSyncState(state))
      .catch((error: unknown) => {
        this.log(`cannot save the sync state: ${String(error)}`);
      });
  }

  private log(message: string): void {
    this.deps.log?.(message);
  }
}
