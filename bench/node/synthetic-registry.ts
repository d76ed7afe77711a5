/**
 * A deterministic, realistic-looking registry for benchmarks: brandable names
 * over the TLDs such lists carry, some platform subdomains, and about 3 % path
 * targets (messenger bots, social pages, regional sections of large sites).
 * The same seed gives the same list on every machine.
 */
import type { EntryStatus } from '../../lib/registry/types';

export interface SyntheticEntry {
  target: string;
  status: EntryStatus;
}

const WORDS = (
  'bit coin crypto chain block swap trade ex pay kz alem tenge nur astana almaty sat hash defi nft token ' +
  'ledger vault mint pro max one global best fast smart secure binary invest capital finance market arb ' +
  'p2p obmen kurs birzha stake yield pool moon rocket gold silver prime royal alpha beta neo meta quant ' +
  'wallet cash fund profit earn bonus lucky steppe saryarka kazan sunkar tulpar bars qazaq dala'
).split(' ');
const SYLLABLES = 'ka ra ti no mi lo za be do ku si pe ya ol an er is ur ex on ax ix um at'.split(' ');
const TLDS = [
  ['com', 30],
  ['kz', 12],
  ['io', 8],
  ['net', 8],
  ['org', 5],
  ['xyz', 6],
  ['app', 3],
  ['exchange', 2],
  ['pro', 3],
  ['finance', 2],
  ['online', 5],
  ['site', 4],
  ['top', 4],
  ['co.uk', 2],
  ['com.kz', 3],
  ['me', 3],
] as const;
const PLATFORM_SUBDOMAINS = ['app', 'trade', 'my', 'p2p', 'web', 'kz', 'go'];
const PATH_HOSTS = ['t.me', 'instagram.com', 'facebook.com', 'vk.com', 'youtube.com', 'tiktok.com', 'x.com'];

/** mulberry32: small, fast, seedable. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function pickTld(random: () => number): string {
  const total = TLDS.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [tld, weight] of TLDS) {
    roll -= weight;
    if (roll < 0) return tld;
  }
  return 'com';
}

/** A brandable second-level name: `cryptoswap`, `alem-pay24`, `kurstiza`. */
export function syntheticName(random: () => number): string {
  let name = pick(random, WORDS);
  const shape = random();
  if (shape < 0.45) name += pick(random, WORDS);
  else if (shape < 0.7) name += `-${pick(random, WORDS)}`;
  else name += pick(random, SYLLABLES) + pick(random, SYLLABLES);
  if (random() < 0.5) name += String(Math.floor(random() * 1000));
  else name += pick(random, SYLLABLES);
  return name;
}

export function syntheticHost(random: () => number): string {
  return `${syntheticName(random)}.${pickTld(random)}`;
}

function syntheticStatus(random: () => number): EntryStatus {
  const roll = random();
  return roll < 0.02 ? 'licensed' : roll < 0.62 ? 'blocked' : 'warning';
}

export interface SyntheticRegistryOptions {
  count: number;
  seed?: number;
  /** Share of host+path targets; default 0.03. */
  pathShare?: number;
}

export function syntheticRegistry({
  count,
  seed = 42,
  pathShare = 0.03,
}: SyntheticRegistryOptions): SyntheticEntry[] {
  const random = seededRandom(seed);
  const seen = new Set<string>();
  const entries: SyntheticEntry[] = [];
  while (entries.length < count) {
    const roll = random();
    let target: string;
    if (roll < pathShare) {
      const name = syntheticName(random).replace('-', '_');
      target =
        random() < 0.7
          ? `${pick(random, PATH_HOSTS)}/${name}`
          : `${syntheticHost(random)}/${pick(random, ['en-kz', 'kz', 'ru-kz', 'p2p', 'trade'])}`;
    } else if (roll < pathShare + 0.05) {
      target = `${pick(random, PLATFORM_SUBDOMAINS)}.${syntheticHost(random)}`;
    } else {
      target = syntheticHost(random);
    }
    if (seen.has(target)) continue;
    seen.add(target);
    entries.push({ target, status: syntheticStatus(random) });
  }
  return entries;
}

export type QueryKind = 'exact' | 'subdomain' | 'path' | 'miss';

export interface SyntheticQuery {
  kind: QueryKind;
  url: string;
  /** The bare host, for detectors that take a domain rather than a URL. */
  host: string;
}

const QUERY_MIX: readonly [QueryKind, number][] = [
  ['exact', 0.2],
  ['subdomain', 0.2],
  ['path', 0.1],
  ['miss', 0.5],
];

/**
 * Page URLs as a browser would report them: half on listed sites (the host, a
 * subdomain of it, a listed path below it) and half on sites on no list.
 */
export function syntheticQueries(
  entries: readonly SyntheticEntry[],
  count: number,
  seed = 7,
): SyntheticQuery[] {
  const random = seededRandom(seed);
  const listed = new Set(entries.map((entry) => entry.target));
  const hostEntries = entries.filter((entry) => !entry.target.includes('/'));
  const pathEntries = entries.filter((entry) => entry.target.includes('/'));
  const queries: SyntheticQuery[] = [];
  const pages = ['/', '/login', '/trade/BTC_KZT', '/p2p/buy?asset=USDT', '/en/register?ref=abc123'];
  while (queries.length < count) {
    let roll = random();
    let kind: QueryKind = 'miss';
    for (const [candidate, share] of QUERY_MIX) {
      roll -= share;
      if (roll < 0) {
        kind = candidate;
        break;
      }
    }
    const page = pick(random, pages);
    if (kind === 'exact' && hostEntries.length > 0) {
      const host = pick(random, hostEntries).target;
      queries.push({ kind, host, url: `https://${host}${page}` });
    } else if (kind === 'subdomain' && hostEntries.length > 0) {
      const host = `${pick(random, ['www', 'app', 'm', 'web.trade'])}.${pick(random, hostEntries).target}`;
      const shown = random() < 0.2 ? host.toUpperCase() : host;
      queries.push({ kind, host, url: `https://${shown}${page}` });
    } else if (kind === 'path' && pathEntries.length > 0) {
      const target = pick(random, pathEntries).target;
      const slash = target.indexOf('/');
      queries.push({
        kind,
        host: target.slice(0, slash),
        url: `https://${target}${random() < 0.5 ? '/' : ''}`,
      });
    } else {
      let host = syntheticHost(random);
      while (listed.has(host)) host = syntheticHost(random);
      if (random() < 0.3) host = `www.${host}`;
      queries.push({ kind: 'miss', host, url: `https://${host}${page}` });
    }
  }
  return queries;
}
