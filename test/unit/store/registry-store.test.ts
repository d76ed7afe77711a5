import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoredShards } from '../../../lib/engine/stored-shards';
import { buildIndex } from '../../../lib/match/build-index';
import { matchHost } from '../../../lib/match/most-specific-entry';
import { serializeIndex } from '../../../lib/match/serialize-index';
import type { RegistryEntry } from '../../../lib/registry/types';
import { DB_NAME, ENTRY_CHUNK_SIZE, RegistryStore } from '../../../lib/store/registry-store';
import { NOW, payload } from '../engine/registry-fixtures';

const ENTRIES: RegistryEntry[] = Array.from({ length: ENTRY_CHUNK_SIZE + 3 }, (_, i) => ({
  target: `site-${i}.example`,
  status: i % 2 === 0 ? 'blocked' : 'warning',
  ...(i === 1 ? { name: 'Named «site»', reason: 'regulator-warning' } : {}),
}));
const DETAILS = { origin: 'remote', skipped: 0, installedAt: NOW } as const;

let factory: IDBFactory;
let store: RegistryStore;
beforeEach(async () => {
  factory = new IDBFactory();
  store = await RegistryStore.open(factory);
});
afterEach(() => store.close());

describe('RegistryStore', () => {
  it('gives back every entry by ordinal, across chunks', async () => {
    await store.replace(payload(3, ENTRIES), DETAILS, serializeIndex(buildIndex(ENTRIES)));
    for (const ordinal of [0, 1, ENTRY_CHUNK_SIZE - 1, ENTRY_CHUNK_SIZE, ENTRY_CHUNK_SIZE + 2]) {
      expect(await store.entryAt(ordinal)).toEqual(ENTRIES[ordinal]);
    }
    expect(await store.entryAt(ENTRY_CHUNK_SIZE + 3)).toBeUndefined();
  });

  it('builds the index record once, inside the replacement, when given a function', async () => {
    let built = 0;
    await store.replace(payload(3, ENTRIES), DETAILS, () => {
      built++;
      return serializeIndex(buildIndex(ENTRIES));
    });
    expect(built).toBe(1);
    const installed = await store.loadInstalled();
    expect(installed?.meta).toMatchObject({ version: 3, entryCount: ENTRIES.length });
    expect(installed?.index.byteLength).toBe(serializeIndex(buildIndex(ENTRIES)).byteLength);
  });

  it('keeps the old registry whole when building the index fails', async () => {
    await store.replace(payload(3, ENTRIES), DETAILS, serializeIndex(buildIndex(ENTRIES)));
    const other = ENTRIES.map((entry) => ({ ...entry, target: `other-${entry.target}` }));
    await expect(
      store.replace(payload(4, other), DETAILS, () => {
        throw new Error('no index');
      }),
    ).rejects.toThrow('no index');
    expect((await store.loadInstalled())?.meta.version).toBe(3);
    expect(await store.entryAt(ENTRY_CHUNK_SIZE)).toEqual(ENTRIES[ENTRY_CHUNK_SIZE]);
  });

  it('reads a chunk an earlier version stored as an array of entries', async () => {
    await store.replace(payload(3, ENTRIES), DETAILS, serializeIndex(buildIndex(ENTRIES)));
    const legacy = [{ target: 'legacy.example', status: 'blocked' }];
    await new Promise<void>((resolve, reject) => {
      const request = factory.open(DB_NAME);
      request.onsuccess = () => {
        const tx = request.result.transaction('entries', 'readwrite');
        tx.objectStore('entries').put(legacy, 5);
        tx.oncomplete = () => {
          request.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
      request.onerror = () => reject(request.error);
    });
    expect(await store.entryAt(5 * ENTRY_CHUNK_SIZE)).toEqual(legacy[0]);
  });
});

/** Enough keys for a directory of more than 8 bits, so the index is split into 256 shards. */
const MANY: RegistryEntry[] = Array.from({ length: 3000 }, (_, i) => ({
  target: i % 10 === 0 ? `path-${i}.example/en/kz` : `site-${i}.example`,
  status: i % 3 === 0 ? 'licensed' : i % 3 === 1 ? 'blocked' : 'warning',
}));
const FEW: RegistryEntry[] = [
  { target: 'one.example', status: 'blocked' },
  { target: 'two.example/promo', status: 'warning' },
];
function indexOf(entries: RegistryEntry[]): ArrayBuffer {
  return serializeIndex(buildIndex(entries));
}

/** Writes straight into the database, as an earlier version or a damaged disk would have left it. */
async function rawPut(storeName: string, value: unknown, key: IDBValidKey, remove: IDBValidKey[]) {
  await new Promise<void>((resolve, reject) => {
    const request = factory.open(DB_NAME);
    request.onsuccess = () => {
      const tx = request.result.transaction(storeName, 'readwrite');
      for (const gone of remove) tx.objectStore(storeName).delete(gone);
      tx.objectStore(storeName).put(value, key);
      tx.oncomplete = () => {
        request.result.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
    request.onerror = () => reject(request.error);
  });
}

describe('the stored index in shards', () => {
  it.each([
    ['256 shards', MANY],
    ['one shard', FEW],
  ])('gives back the index byte for byte (%s)', async (_name, entries) => {
    await store.replace(payload(3, entries), DETAILS, indexOf(entries));
    const installed = await store.loadInstalled();
    expect(new Uint8Array(installed!.index)).toEqual(new Uint8Array(indexOf(entries)));
  });

  it('matches every entry from the head and only the shards its host needs', async () => {
    await store.replace(payload(3, MANY), DETAILS, indexOf(MANY));
    const whole = buildIndex(MANY);
    const shards = StoredShards.from((await store.loadPart([0]))!);
    const urls = ['www.site-5.example', 'path-10.example/en/kz/x', 'path-20.example/en', 'none.example'];
    for (const url of [...urls, ...MANY.slice(0, 120).map((entry) => `a.${entry.target}/x`)]) {
      const [host = '', path = ''] = url.split(/(?=\/)/);
      const missing = shards.missing(host, path);
      expect(shards.place((await store.loadPart(missing))!, missing)).toBe('placed');
      expect(shards.missing(host, path)).toEqual([]);
      expect(matchHost(shards.index, host, path)).toEqual(matchHost(whole, host, path));
    }
  });

  it('refuses shards read under another index head', async () => {
    await store.replace(payload(3, MANY), DETAILS, indexOf(MANY));
    const shards = StoredShards.from((await store.loadPart([0]))!);
    const missing = shards.missing('site-7.example', '');
    await store.replace(payload(4, MANY.slice(1)), DETAILS, indexOf(MANY.slice(1)));
    expect(shards.place((await store.loadPart(missing))!, missing)).toBe('other-index');
  });

  it('keeps the old registry whole when a worker dies while writing the shards', async () => {
    await store.replace(payload(3, MANY), DETAILS, indexOf(MANY));
    const other = MANY.map((entry) => ({ ...entry, target: `other-${entry.target}` }));
    const proto = IDBObjectStore.prototype as { put: (...args: unknown[]) => unknown };
    const realPut = proto.put;
    let shardPuts = 0;
    proto.put = function (this: { name: string }, ...args: unknown[]) {
      if (this.name === 'index' && ++shardPuts === 100) throw new Error('the worker died mid-write');
      return realPut.apply(this, args);
    };
    try {
      await expect(store.replace(payload(4, other), DETAILS, indexOf(other))).rejects.toThrow('died');
    } finally {
      proto.put = realPut;
    }
    const installed = await store.loadInstalled();
    expect(installed?.meta.version).toBe(3);
    expect(new Uint8Array(installed!.index)).toEqual(new Uint8Array(indexOf(MANY)));
  });

  it('reads the whole index an earlier version stored as one record, until the next replacement', async () => {
    await store.replace(payload(3, FEW), DETAILS, indexOf(FEW));
    await rawPut('index', indexOf(FEW), 'installed', ['head', 0]);
    expect(await store.loadPart([0])).toBeNull();
    const installed = await store.loadInstalled();
    expect(new Uint8Array(installed!.index)).toEqual(new Uint8Array(indexOf(FEW)));
    await store.replace(payload(4, MANY), DETAILS, indexOf(MANY));
    expect(new Uint8Array((await store.loadInstalled())!.index)).toEqual(new Uint8Array(indexOf(MANY)));
    expect(await store.loadPart([0])).not.toBeNull();
  });

  it('says an index with a shard missing is not whole', async () => {
    await store.replace(payload(3, MANY), DETAILS, indexOf(MANY));
    await new Promise<void>((resolve, reject) => {
      const request = factory.open(DB_NAME);
      request.onsuccess = () => {
        const tx = request.result.transaction('index', 'readwrite');
        tx.objectStore('index').delete(17);
        tx.oncomplete = () => {
          request.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    });
    expect(await store.loadInstalled()).toBeNull();
    expect((await store.loadPart([17]))?.shards.has(17)).toBe(false);
  });
});
