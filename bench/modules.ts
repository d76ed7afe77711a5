import type { BenchModule } from './types';

/**
 * Every bench module, run in this order by `npm run bench`. `npm run bench -- <name>`
 * runs the modules whose name equals or ends with `<name>` (`verdict-latency`,
 * `node/verdict-latency`, or `node` for a whole folder). Add a line to add a module.
 */
export const BENCH_MODULES: readonly { name: string; load: () => Promise<BenchModule> }[] = [
  { name: 'node/verdict-latency', load: () => import('./node/verdict-latency') },
  { name: 'node/eth-phishing-detect', load: () => import('./node/eth-phishing-detect') },
  { name: 'node/index-memory', load: () => import('./node/index-memory') },
  { name: 'node/index-serialization', load: () => import('./node/index-serialization') },
  { name: 'node/unregistered', load: () => import('./node/unregistered') },
  { name: 'node/lookalike', load: () => import('./node/lookalike') },
  { name: 'browser/registry-sync', load: () => import('./browser/registry-sync') },
  { name: 'browser/cold-start', load: () => import('./browser/cold-start') },
  { name: 'browser/banner', load: () => import('./browser/banner') },
  { name: 'browser/page-load', load: () => import('./browser/page-load') },
  { name: 'browser/content-cost', load: () => import('./browser/content-cost') },
];

export function selectModules(filters: readonly string[]): typeof BENCH_MODULES {
  if (filters.length === 0) return BENCH_MODULES;
  return BENCH_MODULES.filter(({ name }) =>
    filters.some((filter) => name === filter || name.endsWith(`/${filter}`) || name.startsWith(`${filter}/`)),
  );
}
