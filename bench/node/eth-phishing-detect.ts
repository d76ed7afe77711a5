/**
 * Throughput against eth-phishing-detect, MetaMask's classic phishing checker,
 * on the same 200,000-domain list and the same page hosts in the same run. Its
 * detector is used as its README shows, `new PhishingDetector(config)` then
 * `detector.check(domain)`, with the list as the config's `blacklist`; no
 * fuzzylist, so both sides do exact list matching (with subdomains) only.
 */
import { createRequire } from 'node:module';
import { buildIndex } from '../../lib/match/build-index';
import { decideVerdict, type VerdictDeps } from '../../lib/verdict/decide-verdict';
import { consume } from '../measure';
import type { BenchRow } from '../types';
import { syntheticQueries, syntheticRegistry } from './synthetic-registry';

interface PhishingDetector {
  check(domain: string): { result: boolean; type: string };
}
type PhishingDetectorConstructor = new (config: {
  whitelist?: string[];
  blacklist?: string[];
  fuzzylist?: string[];
  tolerance?: number;
}) => PhishingDetector;

const LIST_SIZE = 200_000;
const QUERY_COUNT = 1_000;
/** Their checks cost milliseconds each: a few hundred give a stable figure. */
const PEER_QUERY_COUNT = 300;
const MIN_OWN_DURATION_MS = 500;

export async function run(): Promise<BenchRow[]> {
  const require = createRequire(import.meta.url);
  const Detector = require('eth-phishing-detect/src/detector') as PhishingDetectorConstructor;

  const entries = syntheticRegistry({ count: LIST_SIZE, seed: 2024, pathShare: 0 });
  const queries = syntheticQueries(entries, QUERY_COUNT, 11).filter((query) => query.kind !== 'path');
  const domains = entries.map((entry) => entry.target);

  const detector = new Detector({ blacklist: domains, tolerance: 0 });
  const deps: VerdictDeps = { registry: buildIndex(entries) };

  const peerQueries = queries.slice(0, PEER_QUERY_COUNT);
  let disagreements = 0;
  for (const query of peerQueries) {
    const theirs = detector.check(query.host).result;
    const ours = decideVerdict(query.url, deps).verdict !== 'unknown';
    if (theirs !== ours) disagreements++;
  }

  const peerStart = performance.now();
  for (const query of peerQueries) consume(detector.check(query.host));
  const peerOpsPerSecond = peerQueries.length / ((performance.now() - peerStart) / 1000);

  let calls = 0;
  const ownStart = performance.now();
  while (performance.now() - ownStart < MIN_OWN_DURATION_MS) {
    for (const query of queries) consume(decideVerdict(query.url, deps));
    calls += queries.length;
  }
  const ownOpsPerSecond = calls / ((performance.now() - ownStart) / 1000);

  const setting = `${LIST_SIZE.toLocaleString('en-US')} domains; ours takes the page URL, theirs the host`;
  return [
    {
      metric: 'compare.eth-phishing-detect.ops',
      label: 'eth-phishing-detect check() @200k',
      value: peerOpsPerSecond,
      unit: 'ops/s',
      note: setting,
    },
    {
      metric: 'compare.qorgan.ops',
      label: 'Qorgan verdict @200k',
      value: ownOpsPerSecond,
      unit: 'ops/s',
      peer: { name: 'eth-phishing-detect', value: peerOpsPerSecond },
      target: { op: '>=', value: 1000, on: 'ratio' },
      note: setting,
    },
    {
      metric: 'compare.disagreements',
      label: 'answers that differ from theirs',
      value: disagreements,
      unit: `of ${peerQueries.length}`,
      target: { op: '<=', value: 0 },
      note: 'listed or not, same hosts: both must agree',
    },
  ];
}
