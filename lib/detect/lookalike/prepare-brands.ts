import { confusableSkeleton } from './confusable-skeleton';
import type { ProtectedBrand } from './types';

export interface PreparedBrand {
  source: ProtectedBrand;
  /** The brand as typed, lower case: typos of an ASCII label are slips of what a person types. */
  plain: string;
  skeleton: string;
  /** Long enough not to be an everyday word: typos and the brand glued to any word count. */
  long: boolean;
}

/** Brands of five letters or more may be glued to any word; shorter ones must stand as a word. */
export const MIN_LONG_BRAND = 5;
const MIN_SHORT_BRAND = 3;

export interface BrandTable {
  long: PreparedBrand[];
  /** Every brand by its skeleton, the first one named winning. */
  bySkeleton: Map<string, PreparedBrand>;
  /** Long brands by the length of their plain name and of their skeleton, for typo candidates. */
  byPlainLength: Map<number, PreparedBrand[]>;
  bySkeletonLength: Map<number, PreparedBrand[]>;
  /** Skeleton lengths of the short brands (`mexc` is `rnexc`, five). */
  shortSkeletonLengths: number[];
  own: Set<string>;
}

function ownHost(site: string): string {
  const slash = site.indexOf('/');
  return (slash < 0 ? site : site.slice(0, slash)).trim().toLowerCase().replace(/\.+$/u, '');
}

function addByLength(map: Map<number, PreparedBrand[]>, length: number, brand: PreparedBrand): void {
  const list = map.get(length) ?? [];
  list.push(brand);
  map.set(length, list);
}

export function prepareBrands(brands: readonly ProtectedBrand[]): BrandTable {
  const table: BrandTable = {
    long: [],
    bySkeleton: new Map(),
    byPlainLength: new Map(),
    bySkeletonLength: new Map(),
    shortSkeletonLengths: [],
    own: new Set(),
  };
  for (const source of brands) {
    for (const site of source.own) table.own.add(ownHost(site));
    const plain = source.brand.trim().toLowerCase();
    const skeleton = confusableSkeleton(plain);
    if (plain.length < MIN_SHORT_BRAND || table.bySkeleton.has(skeleton)) continue;
    const brand = { source, plain, skeleton, long: plain.length >= MIN_LONG_BRAND };
    table.bySkeleton.set(skeleton, brand);
    if (!brand.long) {
      if (!table.shortSkeletonLengths.includes(skeleton.length))
        table.shortSkeletonLengths.push(skeleton.length);
      continue;
    }
    table.long.push(brand);
    addByLength(table.byPlainLength, plain.length, brand);
    addByLength(table.bySkeletonLength, [...skeleton].length, brand);
  }
  table.own.delete('');
  return table;
}
