import { checkCanonicalTarget } from './normalise-target';
import {
  BRAND_PATTERN,
  MAX_BRAND_LENGTH,
  MAX_SITES_PER_BRAND,
  MAX_TEXT_LENGTH,
  MIN_BRAND_LENGTH,
} from './payload-schema';
import type { RegistryBrand } from './types';

export interface ValidatedBrands {
  /** One item per brand word, in the order first seen; duplicates merged, their sites joined. */
  brands: RegistryBrand[];
  /** Items left out: not an object, a bad brand word or name, or no usable site. */
  droppedBrands: number;
  /** Sites left out because they are not targets (an ASCII host, optionally with a path). */
  droppedSites: number;
}

function isBrandWord(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length >= MIN_BRAND_LENGTH &&
    value.length <= MAX_BRAND_LENGTH &&
    BRAND_PATTERN.test(value)
  );
}

function isName(value: unknown): value is string | undefined {
  return (
    value === undefined || (typeof value === 'string' && value.length >= 1 && value.length <= MAX_TEXT_LENGTH)
  );
}

/**
 * Reads the payload's `brands` item by item. Brands only widen lookalike
 * detection, so a bad one costs that brand alone: it is dropped and counted,
 * and the registry still installs.
 */
export function validateBrands(list: readonly unknown[]): ValidatedBrands {
  const byWord = new Map<string, RegistryBrand>();
  let droppedBrands = 0;
  let droppedSites = 0;
  for (const value of list) {
    const record = typeof value === 'object' && value !== null && !Array.isArray(value) ? value : null;
    const { brand, name, sites } = (record ?? {}) as Record<string, unknown>;
    if (!isBrandWord(brand) || !isName(name) || !Array.isArray(sites) || sites.length > MAX_SITES_PER_BRAND) {
      droppedBrands += 1;
      continue;
    }
    const good = sites.filter(
      (site): site is string => typeof site === 'string' && checkCanonicalTarget(site) === null,
    );
    droppedSites += sites.length - good.length;
    if (good.length === 0) {
      droppedBrands += 1;
      continue;
    }
    const earlier = byWord.get(brand);
    if (earlier === undefined) {
      byWord.set(brand, { brand, ...(name === undefined ? {} : { name }), sites: [...new Set(good)] });
      continue;
    }
    if (earlier.name === undefined && name !== undefined) earlier.name = name;
    earlier.sites = [...new Set([...earlier.sites, ...good])].slice(0, MAX_SITES_PER_BRAND);
  }
  return { brands: [...byWord.values()], droppedBrands, droppedSites };
}
