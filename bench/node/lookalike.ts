/**
 * Lookalike check of a host: median per call with 50 and with 10,000 protected brands, over hosts
 * of the real-world corpus (attacks and legitimate hosts alike). The baseline, measured in the same
 * run on the same hosts, is the verdict lookup the check follows: a registry of 1,000 entries.
 */
import { createLookalikeDetector, type ProtectedBrand } from '../../lib/detect/lookalike';
import { buildIndex } from '../../lib/match/build-index';
import { decideVerdict, type VerdictDeps } from '../../lib/verdict/decide-verdict';
import { loadRealHosts, REAL_BRANDS } from '../../test/eval/lookalike-real-corpus';
import { consume, percentile } from '../measure';
import type { BenchRow } from '../types';
import { syntheticRegistry } from './synthetic-registry';

const HOST_COUNT = 4_000;
const ROUNDS = 5;

function syntheticBrands(count: number): ProtectedBrand[] {
  const brands: ProtectedBrand[] = [...REAL_BRANDS];
  for (let i = 0; brands.length < count; i++) {
    const word = `qz${i.toString(36)}brand`;
    brands.push({ brand: word, own: [`${word}.kz`], imitates: `${word}.kz`, entry: null });
  }
  return brands;
}

/** Median microseconds of one call, each call timed alone (timer cost included). */
function medianMicros(hosts: readonly string[], call: (host: string) => unknown): number {
  for (const host of hosts) consume(call(host));
  const samples = new Float64Array(hosts.length * ROUNDS);
  for (let round = 0; round < ROUNDS; round++) {
    hosts.forEach((host, i) => {
      const start = process.hrtime.bigint();
      const result = call(host);
      samples[round * hosts.length + i] = Number(process.hrtime.bigint() - start) / 1000;
      consume(result);
    });
  }
  return percentile(samples.sort(), 0.5);
}

export async function run(): Promise<BenchRow[]> {
  const all = loadRealHosts();
  const step = Math.max(1, Math.floor(all.length / HOST_COUNT));
  const hosts = all.filter((_, i) => i % step === 0).map((h) => h.host);
  const deps: VerdictDeps = {
    registry: buildIndex(syntheticRegistry({ count: 1_000, seed: 7, pathShare: 0 })),
  };
  const baseline = medianMicros(hosts, (host) => decideVerdict(`https://${host}/`, deps));
  const fifty = createLookalikeDetector(syntheticBrands(50));
  const tenThousand = createLookalikeDetector(syntheticBrands(10_000));
  const at50 = medianMicros(hosts, fifty);
  const at10k = medianMicros(hosts, tenThousand);
  const setting = `${hosts.length} real hosts (attacks and legitimate), ${ROUNDS} rounds; each call timed alone`;
  const peer = { name: 'verdict lookup, 1,000 entries', value: baseline };
  return [
    {
      metric: 'lookalike.baseline.verdict',
      label: 'verdict lookup for the same hosts',
      value: baseline,
      unit: 'µs',
      note: setting,
    },
    {
      metric: 'lookalike.median.50',
      label: 'lookalike check, median @50 brands',
      value: at50,
      unit: 'µs',
      peer,
      target: { op: '<=', value: 20 },
      note: setting,
    },
    {
      metric: 'lookalike.median.10k',
      label: 'lookalike check, median @10,000 brands',
      value: at10k,
      unit: 'µs',
      peer,
      target: { op: '<=', value: 1000 },
      note: setting,
    },
  ];
}
