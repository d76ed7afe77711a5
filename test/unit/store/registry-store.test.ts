import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildIndex } from '../../../lib/match/build-index';
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
