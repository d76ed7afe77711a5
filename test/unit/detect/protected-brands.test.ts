import { describe, expect, it } from 'vitest';
import { createLookalikeDetector, protectedBrands } from '../../../lib/detect/lookalike';
import type { RegistryBrand, RegistryEntry } from '../../../lib/registry/types';

const okx: RegistryEntry = {
  target: 'okx.com',
  status: 'warning',
  reason: 'regulator-warning',
  brand: 'okx',
};
const coinbase: RegistryEntry = {
  target: 'coinbase.com',
  status: 'blocked',
  reason: 'state-block',
  brand: 'coinbase',
};
const bybitGlobal: RegistryEntry = {
  target: 'bybit.com',
  status: 'warning',
  reason: 'other-entity',
  brand: 'bybit',
};
const bybitKz: RegistryEntry = { target: 'bybit.kz', status: 'licensed', brand: 'bybit' };
const binance: RegistryBrand = { brand: 'binance', name: 'Binance', sites: ['binance.com', 'binance.us'] };

describe('protectedBrands', () => {
  it('protects the brand of an entry of any status, and brands from the list', () => {
    const brands = protectedBrands([okx, coinbase, bybitKz], [binance]);
    expect(brands.map((b) => b.brand)).toEqual(['okx', 'coinbase', 'bybit', 'binance']);
    expect(brands.find((b) => b.brand === 'okx')).toEqual({
      brand: 'okx',
      own: ['okx.com'],
      imitates: 'okx.com',
      entry: okx,
    });
    expect(brands.find((b) => b.brand === 'binance')).toEqual({
      brand: 'binance',
      own: ['binance.com', 'binance.us'],
      imitates: 'binance.com',
      entry: null,
    });
  });

  it('imitates the licensed target of a brand before its other entries', () => {
    const [bybit] = protectedBrands([bybitGlobal, bybitKz]);
    expect(bybit).toEqual({
      brand: 'bybit',
      own: ['bybit.com', 'bybit.kz'],
      imitates: 'bybit.kz',
      entry: bybitKz,
    });
  });

  it('merges duplicates: one record per brand, every own host once', () => {
    const brands = protectedBrands(
      [okx, { ...okx, target: 'www.okx.com' }],
      [
        { brand: 'okx', sites: ['okx.com', 'OKX.com', 'okx.kz'] },
        binance,
        { ...binance, sites: ['binance.com', 'binance.me'] },
      ],
    );
    expect(brands).toHaveLength(2);
    expect(brands[0]).toMatchObject({ brand: 'okx', own: ['okx.com', 'www.okx.com', 'okx.kz'], entry: okx });
    expect(brands[1]).toMatchObject({
      own: ['binance.com', 'binance.us', 'binance.me'],
      imitates: 'binance.com',
    });
  });

  it('protects by the host a brand whose entry target has a path', () => {
    const entry: RegistryEntry = { target: 'binance.com/en-kz', status: 'licensed', brand: 'binance' };
    const [brand] = protectedBrands([entry]);
    expect(brand).toEqual({ brand: 'binance', own: ['binance.com'], imitates: 'binance.com/en-kz', entry });
    const detect = createLookalikeDetector(protectedBrands([entry]));
    expect(detect('www.binance.com')).toBeNull();
    expect(detect('binance-login.com')?.brand.imitates).toBe('binance.com/en-kz');
  });

  it("gives a brand whose site is another brand's target that target's standing, and flags neither there", () => {
    const brands = protectedBrands([okx], [{ brand: 'okex', sites: ['okx.com'] }]);
    expect(brands[1]).toEqual({ brand: 'okex', own: ['okx.com'], imitates: 'okx.com', entry: okx });
    const detect = createLookalikeDetector(brands);
    expect(detect('okx.com')).toBeNull();
    expect(detect('login.okx.com')).toBeNull();
  });

  it('never flags a host at or under a brand’s own targets or sites', () => {
    const detect = createLookalikeDetector(protectedBrands([okx, bybitGlobal, bybitKz], [binance]));
    for (const host of [
      'binance.com',
      'accounts.binance.com',
      'binance.us',
      'bybit.com',
      'www.bybit.kz',
      'okx.com',
    ]) {
      expect(detect(host), host).toBeNull();
    }
    expect(detect('binance-login.com')).toMatchObject({
      brand: { brand: 'binance' },
      technique: 'brand-in-domain',
    });
  });

  it('leaves out sites that are not hosts, and brands with nothing left to imitate', () => {
    const brands = protectedBrands(
      [],
      [
        { brand: 'kraken', sites: ['localhost', '10.0.0.1', 'not a host', 'https://Kraken.com/'] },
        { brand: 'ghost', sites: ['intranet', ''] },
        { brand: 'Bad Brand!', sites: ['bad.example'] },
        { brand: 'mexc', sites: [42 as unknown as string, 'mexc.com'] },
      ],
    );
    expect(brands).toEqual([
      { brand: 'kraken', own: ['kraken.com'], imitates: 'kraken.com', entry: null },
      { brand: 'mexc', own: ['mexc.com'], imitates: 'mexc.com', entry: null },
    ]);
  });

  it('handles 10,000 brands, and the detector built from them still answers', () => {
    const many: RegistryBrand[] = Array.from({ length: 10_000 }, (_, i) => ({
      brand: `brand${i}x`,
      sites: [`brand${i}x.com`, `brand${i}x.kz`],
    }));
    const brands = protectedBrands([okx], [...many, ...many]);
    expect(brands).toHaveLength(10_001);
    expect(brands[10_000]).toEqual({
      brand: 'brand9999x',
      own: ['brand9999x.com', 'brand9999x.kz'],
      imitates: 'brand9999x.com',
      entry: null,
    });
    const detect = createLookalikeDetector(brands);
    expect(detect('brand1234x.kz')).toBeNull();
    expect(detect('okx.com')).toBeNull();
  });
});
