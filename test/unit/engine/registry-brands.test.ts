import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RegistryService } from '../../../lib/engine/registry-service';
import { RegistryStore } from '../../../lib/store/registry-store';
import { BUNDLED, NOW, makeKey, payload, registryServer, settingsFor, signed } from './registry-fixtures';

let factory: IDBFactory;
let server: Awaited<ReturnType<typeof registryServer>>;
let key: Awaited<ReturnType<typeof makeKey>>;
let clock: Date;

function service() {
  return new RegistryService({
    openStore: () => RegistryStore.open(factory),
    fetch: (input, init) => fetch(input, init),
    loadBundled: async () => BUNDLED,
    builtInKeys: [],
    now: () => clock,
    random: () => 0.5,
  });
}

const REMOTE = payload(
  9,
  [
    { target: 'bitget.com', status: 'warning', reason: 'regulator-warning', brand: 'bitget', source: 'afsa' },
    { target: 'intebix.kz', status: 'licensed', name: 'Intebix Ltd', validUntil: '2026-12-10' },
    { target: 'scam-exchange.kz', status: 'blocked', reason: 'pyramid' },
  ],
  { brands: [{ brand: 'binance', name: 'Binance', sites: ['binance.com', 'binance.us'] }] },
);

beforeEach(async () => {
  factory = new IDBFactory();
  server = await registryServer();
  key = await makeKey();
  clock = NOW;
  const bytes = await signed(REMOTE, key);
  server.respond((_req, res) => res.writeHead(200).end(Buffer.from(bytes)));
});
afterEach(() => server.close());

describe('the registry service with brands, reasons and licence ends', () => {
  it('keeps what lookalike detection needs across a restart: branded entries of any status and `brands`', async () => {
    expect((await service().sync(settingsFor(server.url, [key.publicKey]))).outcome).toBe('installed');
    const restarted = service();
    await restarted.ready();
    expect(restarted.meta?.brandEntries.map((e) => e.target)).toEqual(['bitget.com']);
    expect(restarted.meta?.brands).toEqual(REMOTE.brands);

    const settings = settingsFor(server.url);
    expect((await restarted.verdict('https://bitget-login.com/', settings)).reason).toEqual({
      kind: 'lookalike',
      brand: 'bitget',
      imitates: 'bitget.com',
      entry: REMOTE.entries[0],
      technique: 'brand-in-domain',
    });
    expect((await restarted.verdict('https://binance-login.com/', settings)).reason).toMatchObject({
      kind: 'lookalike',
      imitates: 'binance.com',
      entry: null,
    });
    expect((await restarted.verdict('https://www.binance.com/', settings)).verdict).toBe('unknown');
    expect((await restarted.verdict('https://scam-exchange.kz/', settings)).reason).toMatchObject({
      reason: 'pyramid',
    });
  });

  it('judges a licence end at each verdict by the clock, with no registry update', async () => {
    const s = service();
    await s.sync(settingsFor(server.url, [key.publicKey]));
    const settings = settingsFor(server.url);
    expect((await s.verdict('https://intebix.kz/', settings)).verdict).toBe('licensed');
    clock = new Date(2026, 11, 10, 0, 5);
    expect(await s.verdict('https://intebix.kz/', settings)).toMatchObject({
      verdict: 'warning',
      reason: { reason: 'licence-expired', entry: { validUntil: '2026-12-10' } },
    });
  });

  it('rebuilds a database of the previous layout from the bundled snapshot', async () => {
    await new Promise<void>((resolve, reject) => {
      const request = factory.open('qorgan-registry', 3);
      request.onupgradeneeded = () => {
        for (const name of ['meta', 'index', 'entries']) request.result.createObjectStore(name);
        const meta = request.transaction!.objectStore('meta');
        meta.put({ ...REMOTE, origin: 'remote', entryCount: 3, skipped: 0, brands: [] }, 'installed');
        request.transaction!.objectStore('index').put(new ArrayBuffer(8), 'installed');
      };
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });
    const s = service();
    expect((await s.verdict('https://coinbase.com/', settingsFor(null))).verdict).toBe('blocked');
    expect(s.meta).toMatchObject({ origin: 'bundled', version: 1, brands: [] });
    expect(s.meta?.brandEntries.map((e) => e.target)).toEqual(['bybit.kz']);
  });
});
