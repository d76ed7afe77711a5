import type { RegistryBrand, RegistryEntry, RegistryPayload } from './types';

export interface EntryChange {
  target: string;
  before: RegistryEntry;
  after: RegistryEntry;
  /** The fields whose value differs, in a stable order. */
  fields: string[];
}

export interface PayloadDiff {
  added: RegistryEntry[];
  removed: RegistryEntry[];
  changed: EntryChange[];
  /** Items of `brands` added, removed and changed (name or sites), matched by brand word. */
  brands: {
    added: RegistryBrand[];
    removed: RegistryBrand[];
    changed: { before: RegistryBrand; after: RegistryBrand }[];
  };
}

function byTarget(entries: readonly RegistryEntry[]): Map<string, RegistryEntry> {
  const map = new Map<string, RegistryEntry>();
  for (const entry of entries) map.set(entry.target, entry);
  return map;
}

function changedFields(before: RegistryEntry, after: RegistryEntry): string[] {
  const a = before as unknown as Record<string, unknown>;
  const b = after as unknown as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.filter((key) => a[key] !== b[key]);
}

function diffBrands(
  before: readonly RegistryBrand[],
  after: readonly RegistryBrand[],
): PayloadDiff['brands'] {
  const old = new Map(before.map((brand) => [brand.brand, brand]));
  const now = new Map(after.map((brand) => [brand.brand, brand]));
  const same = (a: RegistryBrand, b: RegistryBrand) =>
    a.name === b.name && a.sites.join(' ') === b.sites.join(' ');
  return {
    added: after.filter((brand) => !old.has(brand.brand)),
    removed: before.filter((brand) => !now.has(brand.brand)),
    changed: after.flatMap((brand) => {
      const previous = old.get(brand.brand);
      return previous === undefined || same(previous, brand) ? [] : [{ before: previous, after: brand }];
    }),
  };
}

/** Entries (by target) and brands (by brand word) added, removed and changed between two payloads. */
export function diffPayloads(
  before: Pick<RegistryPayload, 'entries' | 'brands'>,
  after: Pick<RegistryPayload, 'entries' | 'brands'>,
): PayloadDiff {
  const old = byTarget(before.entries);
  const now = byTarget(after.entries);
  const added: RegistryEntry[] = [];
  const removed: RegistryEntry[] = [];
  const changed: EntryChange[] = [];
  for (const [target, entry] of now) {
    const previous = old.get(target);
    if (previous === undefined) {
      added.push(entry);
      continue;
    }
    const fields = changedFields(previous, entry);
    if (fields.length > 0) changed.push({ target, before: previous, after: entry, fields });
  }
  for (const [target, entry] of old) if (!now.has(target)) removed.push(entry);
  const order = (x: { target: string }, y: { target: string }) =>
    x.target < y.target ? -1 : x.target > y.target ? 1 : 0;
  return {
    added: added.sort(order),
    removed: removed.sort(order),
    changed: changed.sort(order),
    brands: diffBrands(before.brands ?? [], after.brands ?? []),
  };
}
