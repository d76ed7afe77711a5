import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RegistryService } from '../../../lib/engine/registry-service';
import { shardsToProbe } from '../../../lib/match/probe-shards';
import { RegistryStore } from '../../../lib/store/registry-store';
import { BUNDLED, NOW, makeKey, payload, registryServer, settingsFor, signed } from './registry-fixtures';

let factory: IDBFactory;
let server: Awaited<ReturnType<typeof registryServer>>;
let key: Awaited<ReturnType<typeof makeKey>>;

function service(options: { bundled?: unknown; fetchTimeoutMs?: number } = {}) {
  return new RegistryService({
    openStore: () => RegistryStore.open(factory),
    fetch: (input, init) => fetch(input, init),
    loadBundled: async () => options.bundled ?? BUNDLED,
    builtInKeys: [],
    now: () => NOW,
    random: () => 0.5,
    ...(options.fetchTimeoutMs ? { fetchTimeoutMs: options.fetchTimeoutMs } : {}),
  });
}

const REMOTE = payload(7, [
  {
    target: 'bybit.kz',
    status: 'licensed',
    brand: 'bybit',
    name: 'Bybit Kazakhstan',
    licence: 'AFSA-A-LA-2024-0027',
  },
  { target: 'scam-exchange.kz', status: 'blocked', source: 'afsa' },
]);

beforeEach(async () => {
  factory = new IDBFactory();
  server = await registryServer();
  key = await makeKey();
});
afterEach(() => server.close());

async function installRemote(s: RegistryService) {
  const bytes = await signed(REMOTE, key);
  server.respond((_req, res) => res.writeHead(200, { etag: '"v7"' }).end(Buffer.from(bytes)));
  const result = await s.sync(settingsFor(server.url, [key.publicKey]));
  expect(result.outcome).toBe('installed');
}

describe('start', () => {
  it('installs the bundled snapshot into an empty database', async () => {
    const s = service();
    expect((await s.verdict('https://coinbase.com/', settingsFor(null))).verdict).toBe('blocked');
    expect(s.meta).toMatchObject({ origin: 'bundled', version: 1 });
  });

  it('loads what an earlier worker stored, without the network', async () => {
    await installRemote(service());
    const restarted = service();
    const result = await restarted.verdict('http://www.scam-exchange.kz/trade', settingsFor(server.url));
    expect(result.verdict).toBe('blocked');
    expect(restarted.meta).toMatchObject({ origin: 'remote', version: 7 });
  });

  it('reads the shards of the first verdict while the caller is still reading its settings, and once', async () => {
    await installRemote(service());
    const reads: number[][] = [];
    const loadPart = RegistryStore.prototype.loadPart;
    RegistryStore.prototype.loadPart = function (this: RegistryStore, shards: number[]) {
      reads.push([...shards]);
      return loadPart.call(this, shards);
    };
    try {
      const restarted = service();
      restarted.prepare('http://www.scam-exchange.kz/trade');
      // No verdict asked yet: the metadata, the head and the host's shards are read all the same.
      await vi.waitFor(() => expect(reads).toHaveLength(1));
      expect(reads[0]).toEqual([0, ...shardsToProbe('www.scam-exchange.kz', '/trade', 8)]);
      const result = await restarted.verdict('http://www.scam-exchange.kz/trade', settingsFor(server.url));
      expect(result.verdict).toBe('blocked');
      expect(reads).toHaveLength(1);
      // Only the first verdict is prepared: a later one reads its own shards when it is asked.
      restarted.prepare('https://other.example/');
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(reads).toHaveLength(1);
    } finally {
      RegistryStore.prototype.loadPart = loadPart;
    }
  });

  it('heals a damaged index record from the bundled snapshot', async () => {
    await installRemote(service());
    const store = await RegistryStore.open(factory);
    await (
      store as unknown as { db: { put: (s: string, v: unknown, k: string) => Promise<unknown> } }
    ).db.put('index', new Uint8Array(32).fill(7).buffer, 'head');
    store.close();
    const healed = service();
    expect((await healed.verdict('https://coinbase.com/', settingsFor(null))).verdict).toBe('blocked');
    expect(healed.meta?.origin).toBe('bundled');
  });

  it('heals from the bundled snapshot when an index shard a verdict needs is missing', async () => {
    const many = Array.from({ length: 3000 }, (_, i) => ({
      target: `site-${i}.example`,
      status: 'blocked' as const,
    }));
    const bytes = await signed(payload(8, many), key);
    server.respond((_req, res) => res.writeHead(200).end(Buffer.from(bytes)));
    expect((await service().sync(settingsFor(server.url, [key.publicKey]))).outcome).toBe('installed');
    const restarted = service();
    expect((await restarted.verdict('https://site-1.example/', settingsFor(server.url))).verdict).toBe(
      'blocked',
    );
    const lost = [...shardsToProbe('site-2.example', '/', 8)].filter((shard) => shard !== 0);
    const store = await RegistryStore.open(factory);
    const db = (store as unknown as { db: { delete: (s: string, k: number) => Promise<unknown> } }).db;
    for (const shard of lost) await db.delete('index', shard);
    store.close();
    const healed = service();
    expect((await healed.verdict('https://site-2.example/', settingsFor(server.url))).verdict).toBe(
      'unknown',
    );
    expect(healed.meta?.origin).toBe('bundled');
    expect((await healed.verdict('https://coinbase.com/', settingsFor(null))).verdict).toBe('blocked');
  });

  it('drops a database of an older layout and starts from the bundled snapshot', async () => {
    await new Promise<void>((resolve, reject) => {
      const request = factory.open('qorgan-registry', 1);
      request.onupgradeneeded = () => request.result.createObjectStore('legacy');
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });
    const s = service();
    await s.ready();
    expect(s.meta?.origin).toBe('bundled');
  });
});

describe('sync', () => {
  it('installs a signed registry, then answers 304 cheaply with If-None-Match', async () => {
    const s = service();
    await installRemote(s);
    expect((await s.verdict('scam-exchange.kz', settingsFor(server.url))).verdict).toBe('blocked');
    server.respond((req, res) => {
      expect(req.headers['if-none-match']).toBe('"v7"');
      res.writeHead(304).end();
    });
    const again = await s.sync(settingsFor(server.url, [key.publicKey]));
    expect(again.outcome).toBe('not-modified');
    expect(again.state.lastError).toBeNull();
  });

  it('runs one sync at a time', async () => {
    const s = service();
    const bytes = await signed(REMOTE, key);
    server.respond((_req, res) => setTimeout(() => res.writeHead(200).end(Buffer.from(bytes)), 50));
    const settings = settingsFor(server.url, [key.publicKey]);
    const [a, b] = await Promise.all([s.sync(settings), s.sync(settings)]);
    expect(a).toBe(b);
    expect(server.requests).toHaveLength(1);
  });

  it('runs a sync for a new source after the one under way, instead of joining it', async () => {
    const s = service();
    const bytes = await signed(REMOTE, key);
    server.respond((_req, res) => setTimeout(() => res.writeHead(200).end(Buffer.from(bytes)), 50));
    const first = s.sync(settingsFor(null));
    const second = s.sync(settingsFor(server.url, [key.publicKey]));
    expect((await first).outcome).toBe('no-registry-url');
    expect((await second).outcome).toBe('installed');
    expect(s.meta?.origin).toBe('remote');
  });

  const failures: [string, string, (url: string) => void, { timeout?: number; serverDown?: boolean }?][] = [
    ['server down', 'network-error', () => undefined, { serverDown: true }],
    ['HTTP 500', 'http-error', () => server.respond((_q, r) => r.writeHead(500).end('oops'))],
    ['HTTP 404', 'http-error', () => server.respond((_q, r) => r.writeHead(404).end())],
    [
      'a slow body',
      'timeout',
      () =>
        server.respond((_q, r) => {
          r.writeHead(200);
          r.write('{"payloadType":');
        }),
      { timeout: 300 },
    ],
    [
      'an endless body',
      'too-large',
      () =>
        server.respond((_q, r) => {
          r.writeHead(200);
          const chunk = Buffer.alloc(1 << 20, 0x20);
          const pump = () => {
            while (r.write(chunk)) {
              if (r.destroyed) return;
            }
            r.once('drain', pump);
          };
          r.on('error', () => undefined);
          pump();
        }),
    ],
    [
      'HTML instead of JSON',
      'envelope-not-json',
      () => server.respond((_q, r) => r.writeHead(200).end('<html>hi</html>')),
    ],
    [
      'a redirect to another host',
      'redirect-refused',
      () =>
        server.respond((_q, r) =>
          r.writeHead(302, { location: 'https://elsewhere.example/registry.json' }).end(),
        ),
    ],
  ];

  for (const [name, code, arrange, options] of failures) {
    it(`keeps the installed registry on ${name}, records ${code}, and schedules a retry`, async () => {
      const s = service(options?.timeout ? { fetchTimeoutMs: options.timeout } : {});
      await installRemote(s);
      arrange(server.url);
      if (options?.serverDown) await server.close();
      const settings = settingsFor(server.url, [key.publicKey]);
      const result = await s.sync(settings);
      expect(result.outcome).toBe('failed');
      expect(result.state.lastError?.code).toBe(code);
      expect(result.state.failures).toBe(1);
      expect(Date.parse(result.state.nextAttemptAt!)).toBeGreaterThan(NOW.getTime());
      expect(s.meta).toMatchObject({ origin: 'remote', version: 7 });
      expect((await s.verdict('scam-exchange.kz', settings)).verdict).toBe('blocked');
      const second = await s.sync(settings);
      expect(second.state.failures).toBe(2);
      expect(Date.parse(second.state.nextAttemptAt!)).toBeGreaterThan(
        Date.parse(result.state.nextAttemptAt!),
      );
      if (options?.serverDown) server = await registryServer();
    });
  }

  it('refuses a 304 to a request without a stored copy, and stays on the bundled snapshot', async () => {
    const s = service();
    server.respond((_q, r) => r.writeHead(304).end());
    const result = await s.sync(settingsFor(server.url, [key.publicKey]));
    expect(result.state.lastError?.code).toBe('not-modified-without-copy');
    expect(server.requests[0]?.['if-none-match']).toBeUndefined();
    expect(s.meta?.origin).toBe('bundled');
  });

  it('refuses a valid envelope signed by an untrusted key', async () => {
    const s = service();
    await installRemote(s);
    const stranger = await makeKey();
    const bytes = await signed(payload(8, [{ target: 'other.kz', status: 'blocked' }]), stranger);
    server.respond((_q, r) => r.writeHead(200).end(Buffer.from(bytes)));
    const result = await s.sync(settingsFor(server.url, [key.publicKey]));
    expect(result.state.lastError?.code).toBe('signature-untrusted');
    expect(s.meta?.version).toBe(7);
  });

  it('refuses a rollback and treats the same version as nothing to do', async () => {
    const s = service();
    await installRemote(s);
    const older = await signed(payload(6, []), key);
    server.respond((_q, r) => r.writeHead(200).end(Buffer.from(older)));
    expect((await s.sync(settingsFor(server.url, [key.publicKey]))).state.lastError?.code).toBe('rollback');
    const same = await signed(REMOTE, key);
    server.respond((_q, r) => r.writeHead(200).end(Buffer.from(same)));
    expect((await s.sync(settingsFor(server.url, [key.publicKey]))).outcome).toBe('up-to-date');
  });

  it('keeps the old registry when the write is interrupted half-way', async () => {
    const s = service();
    await installRemote(s);
    const store = await RegistryStore.open(factory);
    const bigger = payload(
      8,
      Array.from({ length: 5000 }, (_, i) => ({ target: `site-${i}.example`, status: 'blocked' as const })),
    );
    const proto = IDBObjectStore.prototype as { put: (...args: unknown[]) => unknown };
    const realPut = proto.put;
    let calls = 0;
    proto.put = function (this: unknown, ...args: unknown[]) {
      if (++calls === 4) throw new Error('the worker died mid-write');
      return realPut.apply(this, args);
    };
    try {
      const bytes = await signed(bigger, key);
      server.respond((_q, r) => r.writeHead(200).end(Buffer.from(bytes)));
      const result = await s.sync(settingsFor(server.url, [key.publicKey]));
      expect(result.state.lastError?.code).toBe('store-failed');
    } finally {
      proto.put = realPut;
    }
    const installed = await store.loadInstalled();
    expect(installed?.meta.version).toBe(7);
    expect(await store.entryAt(1)).toMatchObject({ target: 'scam-exchange.kz' });
    expect(s.meta?.version).toBe(7);
    store.close();
  });

  it('reports a missing registry URL as running on the bundled snapshot', async () => {
    const s = service();
    const result = await s.sync(settingsFor(null));
    expect(result.outcome).toBe('no-registry-url');
    expect(s.meta?.origin).toBe('bundled');
  });
});

describe('verdicts', () => {
  it('gives the full entry for a registry match and applies policy lists', async () => {
    const s = service();
    await installRemote(s);
    const licensed = await s.verdict('https://BYBIT.kz./en/', settingsFor(server.url));
    expect(licensed.verdict).toBe('licensed');
    expect(licensed.reason).toMatchObject({ kind: 'registry', entry: { licence: 'AFSA-A-LA-2024-0027' } });
    const policy = {
      ...settingsFor(server.url),
      extraAllowed: ['scam-exchange.kz'],
      extraBlocked: ['corp-blocked.kz'],
    };
    expect((await s.verdict('scam-exchange.kz', policy)).verdict).toBe('unknown');
    expect((await s.verdict('x.corp-blocked.kz', policy)).verdict).toBe('blocked');
  });

  it('uses page signals only when detection is on', async () => {
    const s = service();
    await s.ready();
    const on = settingsFor(null);
    expect((await s.verdict('https://fast-obmen.kz/', on, 100)).verdict).toBe('unregistered');
    expect(
      (await s.verdict('https://fast-obmen.kz/', { ...on, detectUnregistered: false }, 100)).verdict,
    ).toBe('unknown');
  });
});
