import { BRAND_PATTERN } from '../../registry/payload-schema';
import type { RegistryBrand, RegistryEntry } from '../../registry/types';
import { parseLookupInput } from '../../url/lookup-input';
import { trimTrailingSlashes } from '../../url/normalise-target';
import type { ProtectedBrand } from './types';

interface Gathered {
  own: Set<string>;
  licensed: RegistryEntry | null;
  named: RegistryEntry | null;
  site: string | null;
}

/** A target or site as host and target form, or null when it names no public web host (`localhost`, `x y`). */
function readSite(value: string): { host: string; target: string } | null {
  const parsed = parseLookupInput(value.trim());
  return parsed.kind === 'web'
    ? { host: parsed.host, target: parsed.host + trimTrailingSlashes(parsed.path) }
    : null;
}

function brandWord(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const word = value.trim().toLowerCase();
  return BRAND_PATTERN.test(word) ? word : null;
}

/**
 * Every brand lookalike detection protects: the brand of each entry, whatever its status, and
 * the payload's `brands`, one record per brand word. A brand's own hosts are its entries' hosts
 * and its sites; what it imitates is its licensed target, else its first entry, else its first
 * site, with that target's entry (when there is one) for its standing.
 */
export function protectedBrands(
  entries: readonly RegistryEntry[],
  brands: readonly RegistryBrand[] = [],
): ProtectedBrand[] {
  const gathered = new Map<string, Gathered>();
  const gather = (word: string): Gathered => {
    let found = gathered.get(word);
    if (!found) {
      found = { own: new Set(), licensed: null, named: null, site: null };
      gathered.set(word, found);
    }
    return found;
  };
  const byTarget = new Map<string, RegistryEntry>();
  for (const entry of entries) {
    if (!byTarget.has(entry.target)) byTarget.set(entry.target, entry);
    const word = brandWord(entry.brand);
    const site = readSite(entry.target);
    if (word === null || site === null) continue;
    const into = gather(word);
    into.own.add(site.host);
    into.named ??= entry;
    if (entry.status === 'licensed') into.licensed ??= entry;
  }
  for (const item of brands) {
    const word = brandWord(item.brand);
    if (word === null || !Array.isArray(item.sites)) continue;
    const into = gather(word);
    for (const site of item.sites) {
      const read = typeof site === 'string' ? readSite(site) : null;
      if (read === null) continue;
      into.own.add(read.host);
      into.site ??= read.target;
    }
  }

  const result: ProtectedBrand[] = [];
  for (const [brand, found] of gathered) {
    const chosen = found.licensed ?? found.named;
    const imitates = chosen?.target ?? found.site;
    if (imitates === null || imitates === undefined) continue;
    result.push({ brand, own: [...found.own], imitates, entry: chosen ?? byTarget.get(imitates) ?? null });
  }
  return result;
}
