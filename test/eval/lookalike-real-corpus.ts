/**
 * The lookalike detector on real host names: phishing hosts from public lists and legitimate hosts
 * from an allowlist and top-sites rankings (test/fixtures/corpus-real/lookalike/README.md).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLookalikeDetector, type ProtectedBrand } from '../../lib/detect/lookalike';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const REAL_HOSTS_CSV = join(ROOT, 'test/fixtures/corpus-real/lookalike/hosts.csv');

/** What the corpus asks of the detector on its test part. */
export const REAL_TARGETS = { recall: 0.95, legitFlaggedRate: 0.002 } as const;

export type RealLabel = 'attack' | 'legit' | 'other';
export type RealSplit = 'tune' | 'test';

export interface RealHost {
  host: string;
  label: RealLabel;
  /** The brand attacked (attack, other) or carried in the name (legit); empty when none. */
  brand: string;
  lists: string;
  split: RealSplit;
}

/** The brands the real phishing lists imitate most, with the main sites the public facts name. */
const BRAND_SITES: readonly [string, ...string[]][] = [
  ['binance', 'binance.com', 'binance.us'],
  ['coinbase', 'coinbase.com'],
  ['okx', 'okx.com'],
  ['bybit', 'bybit.kz', 'bybit.com'],
  ['kraken', 'kraken.com'],
  ['bitget', 'bitget.com'],
  ['kucoin', 'kucoin.com'],
  ['mexc', 'mexc.com'],
  ['htx', 'htx.com'],
  ['whitebit', 'whitebit.kz', 'whitebit.com'],
  ['ataix', 'ataix.kz'],
  ['caspianex', 'caspianex.com'],
  ['deltada', 'deltada.kz'],
  ['intebix', 'intebix.kz'],
];

export const REAL_BRANDS: readonly ProtectedBrand[] = BRAND_SITES.map(([brand, ...own]) => ({
  brand,
  own,
  imitates: own[0] ?? brand,
  entry: null,
}));

export function loadRealHosts(path = REAL_HOSTS_CSV): RealHost[] {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/u);
  return lines
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [host = '', label = '', brand = '', lists = '', split = ''] = line.split(',');
      if (label !== 'attack' && label !== 'legit' && label !== 'other') throw new Error(`bad label: ${line}`);
      if (split !== 'tune' && split !== 'test') throw new Error(`bad split: ${line}`);
      return { host, label, brand, lists, split };
    });
}

export interface RealReport {
  split: RealSplit | 'all';
  attacks: number;
  caught: number;
  recall: number;
  /** Attacks flagged as a lookalike of another brand than the one attacked (counted as missed). */
  wrongBrand: string[];
  missed: string[];
  legit: number;
  legitFlagged: string[];
  legitFlaggedRate: number;
  /** Phishing hosts where the brand's letters belong to another word: reported, not scored. */
  other: number;
  otherFlagged: number;
  byBrand: Record<string, { attacks: number; caught: number }>;
}

/** Host to the brand it is judged to imitate, or null. */
export type BrandJudge = (host: string) => string | null;

export function newDetectorJudge(brands: readonly ProtectedBrand[] = REAL_BRANDS): BrandJudge {
  const detect = createLookalikeDetector(brands);
  return (host) => detect(host)?.brand.brand ?? null;
}

export function scoreRealHosts(
  judge: BrandJudge,
  split: RealSplit | 'all',
  hosts: readonly RealHost[] = loadRealHosts(),
): RealReport {
  const r: RealReport = {
    split,
    attacks: 0,
    caught: 0,
    recall: 0,
    wrongBrand: [],
    missed: [],
    legit: 0,
    legitFlagged: [],
    legitFlaggedRate: 0,
    other: 0,
    otherFlagged: 0,
    byBrand: {},
  };
  for (const h of hosts) {
    if (split !== 'all' && h.split !== split) continue;
    const got = judge(h.host);
    if (h.label === 'legit') {
      r.legit++;
      if (got !== null) r.legitFlagged.push(`${h.host} (${got})`);
    } else if (h.label === 'other') {
      r.other++;
      if (got !== null) r.otherFlagged++;
    } else {
      r.attacks++;
      const brand = (r.byBrand[h.brand] ??= { attacks: 0, caught: 0 });
      brand.attacks++;
      if (got === h.brand) {
        r.caught++;
        brand.caught++;
      } else if (got === null) r.missed.push(`${h.host} (${h.brand})`);
      else r.wrongBrand.push(`${h.host} (${h.brand}, got ${got})`);
    }
  }
  r.recall = r.attacks === 0 ? 1 : r.caught / r.attacks;
  r.legitFlaggedRate = r.legit === 0 ? 0 : r.legitFlagged.length / r.legit;
  return r;
}
