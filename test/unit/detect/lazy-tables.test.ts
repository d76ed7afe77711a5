import { domainToASCII } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProtectedBrand } from '../../../lib/detect/lookalike';

function freshSkeleton() {
  return import('../../../lib/detect/lookalike/confusable-skeleton');
}

beforeEach(() => {
  vi.resetModules();
});

/** The tables are built on first use; whatever is asked first, the answers are the same. */
describe('lookalike tables built on first use', () => {
  const TEXTS = ['m0nero.com', 'bybіt.kz', 'оkх.com', 'һtx-кz.org', 'plain.example'];

  it('gives the same skeletons whether an ASCII or a non-ASCII text comes first', async () => {
    const asciiFirst = await freshSkeleton();
    const fromAscii = TEXTS.map((text) => asciiFirst.confusableSkeleton(text));
    vi.resetModules();
    const foreignFirst = await freshSkeleton();
    const fromForeign = [...TEXTS].reverse().map((text) => foreignFirst.confusableSkeleton(text));
    expect(fromForeign.reverse()).toEqual(fromAscii);
    expect(fromAscii[0]).toBe('rnonero.corn');
    expect(fromAscii[2]).toBe('okx.corn');
  });

  it('judges hosts the same in a detector made before the tables and in one made after', async () => {
    const brands: ProtectedBrand[] = [
      {
        brand: 'okx',
        own: ['okx.com'],
        imitates: 'okx.com',
        entry: { target: 'okx.com', status: 'warning' },
      },
    ];
    const early = await import('../../../lib/detect/lookalike');
    const made = early.createLookalikeDetector(brands);
    const hosts = ['okx-airdrop.com', 'оkх.com', 'okx.com', 'news.example', 'okxx.io'].map(domainToASCII);
    const first = hosts.map((host) => made(host));
    const later = early.createLookalikeDetector(brands);
    expect(hosts.map((host) => later(host))).toEqual(first);
    expect(first[0]).not.toBeNull();
    expect(first[2]).toBeNull();
  });
});
