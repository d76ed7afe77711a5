/**
 * Verdict for a page URL string (parse + normalise + match) against a
 * 1,000,000-entry registry: per-call median and p95 over a mix of exact hits,
 * subdomain hits, path hits and misses, plus the mean from a tight loop.
 */
import { buildIndex } from '../../lib/match/build-index';
import { decideVerdict, type VerdictDeps } from '../../lib/verdict/decide-verdict';
import { buildPolicyIndex } from '../../lib/verdict/policy-index';
import { consume, forceGc, percentile } from '../measure';
import type { BenchRow } from '../types';
import {
  syntheticQueries,
  syntheticRegistry,
  type QueryKind,
  type SyntheticQuery,
} from './synthetic-registry';

const ENTRY_COUNT = 1_000_000;
const QUERY_COUNT = 200_000;
const ROUNDS = 3;

/** The index and the URLs, without keeping the entry objects alive: a worker holds only the index. */
function prepare(): { deps: VerdictDeps; queries: SyntheticQuery[] } {
  const entries = syntheticRegistry({ count: ENTRY_COUNT });
  return {
    queries: syntheticQueries(entries, QUERY_COUNT),
    deps: {
      registry: buildIndex(entries),
      policy: buildPolicyIndex({
        extraAllowed: ['intranet.example.kz'],
        extraBlocked: ['badexchange.example'],
      }),
    },
  };
}

export async function run(): Promise<BenchRow[]> {
  const { deps, queries } = prepare();
  forceGc();

  for (const query of queries) consume(decideVerdict(query.url, deps));

  const samples = new Float64Array(QUERY_COUNT * ROUNDS);
  const byKind = new Map<QueryKind, number[]>();
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < QUERY_COUNT; i++) {
      const query = queries[i]!;
      const start = process.hrtime.bigint();
      const result = decideVerdict(query.url, deps);
      const nanoseconds = Number(process.hrtime.bigint() - start);
      consume(result);
      samples[round * QUERY_COUNT + i] = nanoseconds / 1000;
      if (round === 0) {
        const list = byKind.get(query.kind) ?? [];
        list.push(nanoseconds / 1000);
        byKind.set(query.kind, list);
      }
    }
  }
  samples.sort();

  const loopStart = performance.now();
  for (let round = 0; round < ROUNDS; round++) {
    for (const query of queries) consume(decideVerdict(query.url, deps));
  }
  const meanMicroseconds = ((performance.now() - loopStart) * 1000) / (QUERY_COUNT * ROUNDS);

  const setting = `${ENTRY_COUNT.toLocaleString('en-US')} entries; ${QUERY_COUNT.toLocaleString('en-US')} URLs, 50 % listed`;
  const rows: BenchRow[] = [
    {
      metric: 'verdict.median',
      label: 'verdict for a URL, median @1M',
      value: percentile(samples, 0.5),
      unit: 'µs',
      target: { op: '<=', value: 3 },
      note: `${setting}; each call timed alone, timer cost included`,
    },
    {
      metric: 'verdict.p95',
      label: 'verdict for a URL, p95 @1M',
      value: percentile(samples, 0.95),
      unit: 'µs',
      note: setting,
    },
    {
      metric: 'verdict.mean',
      label: 'verdict for a URL, mean in a loop @1M',
      value: meanMicroseconds,
      unit: 'µs',
      note: setting,
    },
  ];
  for (const [kind, values] of byKind) {
    rows.push({
      metric: `verdict.median.${kind}`,
      label: `  median, ${kind === 'miss' ? 'unlisted host' : `${kind} hit`}`,
      value: percentile(Float64Array.from(values).sort(), 0.5),
      unit: 'µs',
    });
  }
  return rows;
}
