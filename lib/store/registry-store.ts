/**
 * The installed registry in IndexedDB. The factory is passed in, so the same
 * code runs on a browser's IndexedDB and on fake-indexeddb in tests.
 *
 * Layout: `meta` holds the installed registry's metadata (with the brand
 * entries, which lookalike detection needs at start) and the sync state;
 * `index` holds the hot index as a head and shards by key prefix
 * (lib/match/index-shards.ts), so a first verdict reads only the few it needs
 * and the whole index still loads in one transaction;
 * `entries` holds the full entries in chunks, read by ordinal only when a
 * banner or the popup needs details. Each chunk is stored as its JSON text:
 * IndexedDB copies a string in one piece, where an array of objects is cloned
 * field by field (a sixth of a full sync's time at 100,000 entries), and the
 * one chunk a verdict needs parses in a fraction of a millisecond. A chunk
 * written as an array by an earlier version is still read as it is, so an
 * update keeps the installed registry, as is an index an earlier version
 * stored as one record under `installed`. A replacement writes all three in one
 * transaction: readers see the old registry or the new one, never a mix, and
 * a worker that dies mid-write leaves the old one in place.
 */
import { unwrap, wrap, type DBSchema, type IDBPDatabase } from 'idb';
import type { RegistryEntry, RegistryPayload } from '../registry/types';
import { IndexAssembly } from '../match/assemble-index';
import { splitIndex } from '../match/index-shards';
import { EMPTY_SYNC_STATE, type SyncState } from '../sync/sync-state';
import { describeInstall, type InstallDetails, type InstalledMeta } from './installed-meta';

export const DB_NAME = 'qorgan-registry';
/** Raise when the layout changes: an older database is dropped and rebuilt from the bundled snapshot. */
export const DB_VERSION = 4;
export const ENTRY_CHUNK_SIZE = 512;

export interface InstalledRegistry {
  meta: InstalledMeta;
  index: ArrayBuffer;
}

/** The metadata and the index's head and some of its shards: enough to match one host. */
export interface InstalledPart {
  meta: InstalledMeta;
  head: ArrayBuffer;
  shards: Map<number, ArrayBuffer>;
}

const HEAD_KEY = 'head';
/** Where a version before the shards kept the whole index, read as it is until the next replacement. */
const WHOLE_INDEX_KEY = 'installed';

interface RegistryDb extends DBSchema {
  meta: { key: 'installed'; value: InstalledMeta } | { key: 'sync'; value: SyncState };
  /** `head` and numbered shards; `installed`, the whole index, in databases written before shards. */
  index: { key: typeof HEAD_KEY | typeof WHOLE_INDEX_KEY | number; value: ArrayBuffer };
  /** A chunk's JSON text; an array of entries in databases written before chunks were text. */
  entries: { key: number; value: string | RegistryEntry[] };
}

type MetaStoreValue = InstalledMeta | SyncState;

export class RegistryStore {
  private readonly chunkCache = new Map<number, RegistryEntry[]>();

  private constructor(private readonly db: IDBPDatabase<RegistryDb>) {}

  static async open(factory: IDBFactory, name = DB_NAME): Promise<RegistryStore> {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(name, DB_VERSION);
      request.onupgradeneeded = () => {
        const database = request.result;
        for (const store of Array.from(database.objectStoreNames)) database.deleteObjectStore(store);
        database.createObjectStore('meta');
        database.createObjectStore('index');
        database.createObjectStore('entries');
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () =>
        reject(new Error(`Cannot open the registry database: ${String(request.error)}`));
      request.onblocked = () => reject(new Error('The registry database is held open by an older version'));
    });
    return new RegistryStore(wrap(db) as unknown as IDBPDatabase<RegistryDb>);
  }

  close(): void {
    this.db.close();
  }

  /** The installed registry, or null when there is none or it is not whole. */
  async loadInstalled(): Promise<InstalledRegistry | null> {
    const tx = this.db.transaction(['meta', 'index'], 'readonly');
    const [meta, keys, values] = await Promise.all([
      tx.objectStore('meta').get('installed') as Promise<MetaStoreValue | undefined>,
      tx.objectStore('index').getAllKeys(),
      tx.objectStore('index').getAll(),
    ]);
    await tx.done;
    if (!meta || !isInstalledMeta(meta)) return null;
    const index = wholeIndex(keys, values);
    return index ? { meta, index } : null;
  }

  /**
   * The metadata, the index's head and the shards asked for, in one read: null when there is no
   * registry, or it has no head (an earlier version's whole index), and `loadInstalled` must be used.
   */
  async loadPart(shards: Iterable<number>): Promise<InstalledPart | null> {
    const tx = this.db.transaction(['meta', 'index'], 'readonly');
    const index = tx.objectStore('index');
    const wanted = [...new Set(shards)];
    const [meta, head, ...parts] = await Promise.all([
      tx.objectStore('meta').get('installed') as Promise<MetaStoreValue | undefined>,
      index.get(HEAD_KEY),
      ...wanted.map((shard) => index.get(shard)),
    ]);
    await tx.done;
    if (!meta || !isInstalledMeta(meta) || !(head instanceof ArrayBuffer)) return null;
    const found = new Map<number, ArrayBuffer>();
    wanted.forEach((shard, at) => {
      const part = parts[at];
      if (part instanceof ArrayBuffer) found.set(shard, part);
    });
    return { meta, head, shards: found };
  }

  /**
   * Replaces the installed registry atomically. `index` may be the function
   * that builds the index record: it is called once the entries' writes are
   * under way, so the database stores them while the index is being built.
   */
  async replace(
    payload: RegistryPayload,
    details: InstallDetails,
    index: ArrayBuffer | (() => ArrayBuffer),
  ): Promise<InstalledMeta> {
    const meta = describeInstall(payload, details);
    const tx = this.db.transaction(['meta', 'index', 'entries'], 'readwrite');
    const writes: Promise<unknown>[] = [];
    try {
      const entries = tx.objectStore('entries');
      writes.push(entries.clear());
      // The chunks' requests go to the store as they are: a failed one fails the transaction, which
      // tx.done reports, and a promise and two listeners for each of hundreds of puts were a cost.
      const rawEntries = unwrap(entries);
      for (let start = 0, chunk = 0; start < payload.entries.length; start += ENTRY_CHUNK_SIZE, chunk++) {
        rawEntries.put(JSON.stringify(payload.entries.slice(start, start + ENTRY_CHUNK_SIZE)), chunk);
      }
      const stored = tx.objectStore('index');
      writes.push(stored.clear());
      const { head, shards } = splitIndex(typeof index === 'function' ? index() : index);
      shards.forEach((shard, number) => writes.push(stored.put(shard, number)));
      writes.push(stored.put(head, HEAD_KEY));
      writes.push(tx.objectStore('meta').put(meta, 'installed'));
      tx.commit();
      await Promise.all([...writes, tx.done]);
    } catch (error) {
      // Requests already made would otherwise commit: all or nothing.
      try {
        tx.abort();
      } catch {
        // already finished or aborted
      }
      await Promise.allSettled([...writes, tx.done]);
      throw error;
    }
    this.chunkCache.clear();
    return meta;
  }

  /** The full entry behind an ordinal of the installed index. */
  async entryAt(ordinal: number): Promise<RegistryEntry | undefined> {
    const chunkNumber = Math.floor(ordinal / ENTRY_CHUNK_SIZE);
    let chunk = this.chunkCache.get(chunkNumber);
    if (!chunk) {
      const stored = await this.db.get('entries', chunkNumber);
      if (stored === undefined) return undefined;
      chunk = typeof stored === 'string' ? (JSON.parse(stored) as RegistryEntry[]) : stored;
      if (this.chunkCache.size >= 64) this.chunkCache.clear();
      this.chunkCache.set(chunkNumber, chunk);
    }
    return chunk[ordinal % ENTRY_CHUNK_SIZE];
  }

  async getSyncState(): Promise<SyncState> {
    const value = (await this.db.get('meta', 'sync')) as MetaStoreValue | undefined;
    return value && isSyncState(value) ? value : { ...EMPTY_SYNC_STATE };
  }

  async putSyncState(state: SyncState): Promise<void> {
    await this.db.put('meta', state, 'sync');
  }

  /** Drops everything: used to heal a database whose records do not fit together. */
  async clear(): Promise<void> {
    const tx = this.db.transaction(['meta', 'index', 'entries'], 'readwrite');
    await Promise.all([
      tx.objectStore('index').clear(),
      tx.objectStore('entries').clear(),
      tx.objectStore('meta').delete('installed'),
      tx.done,
    ]);
    this.chunkCache.clear();
  }
}

/** The whole index from the `index` store's records: its head and every shard, or the earlier single record. */
function wholeIndex(keys: IDBValidKey[], values: unknown[]): ArrayBuffer | null {
  const head = values[keys.indexOf(HEAD_KEY)];
  if (!(head instanceof ArrayBuffer)) {
    const whole = values[keys.indexOf(WHOLE_INDEX_KEY)];
    return whole instanceof ArrayBuffer ? whole : null;
  }
  const assembly = new IndexAssembly(head);
  keys.forEach((key, at) => {
    const value = values[at];
    if (typeof key === 'number' && value instanceof ArrayBuffer) assembly.place(key, value);
  });
  return assembly.isWhole ? assembly.buffer : null;
}

function isInstalledMeta(value: MetaStoreValue): value is InstalledMeta {
  const meta = value as Partial<InstalledMeta>;
  return (
    typeof meta.version === 'number' &&
    typeof meta.issuedAt === 'string' &&
    typeof meta.expiresAt === 'string' &&
    (meta.origin === 'bundled' || meta.origin === 'remote') &&
    Array.isArray(meta.sources) &&
    Array.isArray(meta.brandEntries) &&
    Array.isArray(meta.brands) &&
    typeof meta.entryCount === 'number'
  );
}

function isSyncState(value: MetaStoreValue): value is SyncState {
  const state = value as Partial<SyncState>;
  return typeof state.failures === 'number' && 'lastError' in state;
}
