/**
 * Keeps the installed registry and answers verdicts. It loads the hot index
 * from the store at start (falling back to the bundled snapshot when the
 * store is empty, of another layout or damaged), syncs the signed registry
 * one attempt at a time, and never lets a verdict wait on the network.
 * Every browser-facing dependency is passed in.
 */
import { createLookalikeDetector, protectedBrands, type LookalikeDetector } from '../detect/lookalike';
import { addressToJudge } from '../links/address-to-judge';
import type { CompactIndex } from '../match/compact-index';
import { SHARD_BITS } from '../match/index-shards';
import { shardsToProbe } from '../match/probe-shards';
import type { EffectiveSettings } from '../policy/types';
import type { RegistryEntry } from '../registry/types';
import type { InstalledMeta } from '../store/installed-meta';
import type { RegistryStore } from '../store/registry-store';
import type { SyncState } from '../sync/sync-state';
import { parseLookupInput, type LookupInput } from '../url/lookup-input';
import { decideVerdict } from '../verdict/decide-verdict';
import { localDay } from '../verdict/licence-validity';
import { buildPolicyIndex, type PolicyIndex } from '../verdict/policy-index';
import type { VerdictResult } from '../verdict/types';
import { healFromBundled, loadInstalled, type LoadDeps, type Loaded } from './load-registry';
import type { StoredShards } from './stored-shards';
import { readSyncState, syncOnce, type SyncResult } from './sync-once';

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

interface Installed extends Loaded {
  lookalike: LookalikeDetector;
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

  syncState(): Promise<SyncState> {
    return readSyncState(() => this.store());
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
    this.put(await healFromBundled(this.loadDeps()));
  }

  /**
   * Reads the metadata, the index's head and the shards the first verdict needs in one go; the
   * other shards are read as verdicts need them (load-registry.ts).
   */
  private async load(): Promise<void> {
    this.put(await loadInstalled(this.loadDeps(), this.firstShards ?? []));
  }

  private loadDeps(): LoadDeps {
    return {
      store: () => this.store(),
      loadBundled: this.deps.loadBundled,
      now: this.deps.now,
      log: (message) => this.log(message),
    };
  }

  private put(loaded: Loaded | null): void {
    if (loaded) this.activate(loaded.meta, loaded.index, false, loaded.shards);
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
    return syncOnce(
      {
        store: () => this.store(),
        fetch: this.deps.fetch,
        builtInKeys: this.deps.builtInKeys,
        now: this.deps.now,
        ...(this.deps.random ? { random: this.deps.random } : {}),
        ...(this.deps.fetchTimeoutMs ? { fetchTimeoutMs: this.deps.fetchTimeoutMs } : {}),
        log: (message) => this.log(message),
      },
      settings,
      this.installed?.meta ?? null,
      (loaded) => this.activate(loaded.meta, loaded.index, true),
    );
  }

  private log(message: string): void {
    this.deps.log?.(message);
  }
}
