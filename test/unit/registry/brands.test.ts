import { beforeAll, describe, expect, it } from 'vitest';
import { acceptRegistry } from '../../../lib/registry/accept-registry';
import { validatePayload } from '../../../lib/registry/validate-payload';
import type { TestKey } from './fixtures';
import { NOW, envelopeFor, makeKey, samplePayload } from './fixtures';

let key: TestKey;
beforeAll(async () => {
  key = await makeKey();
});

async function acceptBrands(brands: unknown) {
  const bytes = await envelopeFor({ ...samplePayload(), brands }, [key]);
  const result = await acceptRegistry({
    bytes,
    trustedKeys: [key.publicKey],
    installedVersion: 41,
    now: NOW,
  });
  if (!result.ok) throw new Error(`refused: ${result.code} ${result.detail ?? ''}`);
  return result;
}

describe('brands in a signed registry', () => {
  it('installs a payload without brands as before', async () => {
    const bytes = await envelopeFor(samplePayload(), [key]);
    const result = await acceptRegistry({
      bytes,
      trustedKeys: [key.publicKey],
      installedVersion: 41,
      now: NOW,
    });
    expect(result.ok && result.payload.brands).toBeUndefined();
  });

  it('merges two items of the same brand, joining their sites', async () => {
    const result = await acceptBrands([
      { brand: 'binance', name: 'Binance', sites: ['binance.com'] },
      { brand: 'kraken', sites: ['kraken.com'] },
      { brand: 'binance', sites: ['binance.com', 'binance.us'] },
    ]);
    expect(result.payload.brands).toEqual([
      { brand: 'binance', name: 'Binance', sites: ['binance.com', 'binance.us'] },
      { brand: 'kraken', sites: ['kraken.com'] },
    ]);
    expect(result.dropped).toEqual({ brands: 0, sites: 0 });
  });

  it('accepts 10,000 brands', async () => {
    const brands = Array.from({ length: 10_000 }, (_, i) => ({
      brand: `brand${i}`,
      sites: [`brand${i}.com`],
    }));
    const result = await acceptBrands(brands);
    expect(result.payload.brands).toHaveLength(10_000);
    expect(result.payload.brands?.[9_999]).toEqual({ brand: 'brand9999', sites: ['brand9999.com'] });
  });

  it("accepts a brand whose site is another brand's entry target", async () => {
    const result = await acceptBrands([{ brand: 'bybit-global', sites: ['bybit.kz', 'bybit.com'] }]);
    expect(result.payload.brands?.[0]?.sites).toEqual(['bybit.kz', 'bybit.com']);
    expect(result.payload.entries.find((entry) => entry.target === 'bybit.kz')?.brand).toBe('bybit');
  });

  it('drops and counts sites that are not hosts, keeping the brand', async () => {
    const result = await acceptBrands([
      {
        brand: 'kucoin',
        sites: ['https://kucoin.com', 'kucoin.com', 'KuCoin.com', 'kucoin', 42, 'kucoin.com:443'],
      },
    ]);
    expect(result.payload.brands).toEqual([{ brand: 'kucoin', sites: ['kucoin.com'] }]);
    expect(result.dropped).toEqual({ brands: 0, sites: 5 });
  });

  it('drops and counts a brand left with no site, a short or capitalised word, or an item that is not a brand', async () => {
    const result = await acceptBrands([
      { brand: 'mexc', sites: ['not a host'] },
      { brand: 'ok', sites: ['ok.com'] },
      { brand: 'Binance', sites: ['binance.com'] },
      { brand: 'kraken', name: '', sites: ['kraken.com'] },
      'binance',
      null,
      { brand: 'htx', sites: ['htx.com'] },
    ]);
    expect(result.payload.brands).toEqual([{ brand: 'htx', sites: ['htx.com'] }]);
    expect(result.dropped).toEqual({ brands: 6, sites: 1 });
  });

  it('refuses brands that is not a list, as a malformed payload', () => {
    const result = validatePayload({ ...samplePayload(), brands: 'binance' });
    expect(result.ok ? 'accepted' : result.code).toBe('payload-invalid');
  });
});
