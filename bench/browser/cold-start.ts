/**
 * Worker cold start to first verdict in real Chromium with real IndexedDB.
 *
 * The registry is installed by a real sync first. Then, each round: the
 * extension's service worker is stopped through the DevTools ServiceWorker
 * domain (and checked stopped: no worker target left), and an extension page
 * times `chrome.runtime.sendMessage({type: 'lookup'})` for a known entry, from
 * the call to the answer. Chromium starts the worker for the message, which
 * loads the hot index from IndexedDB, reads the entry's details and answers;
 * the answer must be the entry's own status.
 */
import { percentile } from '../measure';
import type { BenchRow } from '../types';
import {
  benchBuild,
  benchRegistry,
  formatCount,
  sleep,
  withBrowser,
  withServer,
  withMachineLoad,
} from './support';

const SCENARIOS = [
  { count: 100_000, rounds: 20, targetMs: 50 },
  { count: 1_000_000, rounds: 12, targetMs: 300 },
] as const;
/** Quiet time after the stop, so that nothing of the previous life is still in flight. */
const SETTLE_MS = 150;

export function run(): Promise<BenchRow[]> {
  return withMachineLoad(measure);
}

async function measure(): Promise<BenchRow[]> {
  const build = await benchBuild();
  const rows: BenchRow[] = [];
  await withServer(async (server) => {
    for (const { count, rounds, targetMs } of SCENARIOS) {
      const registry = benchRegistry(count, 3000 + count / 1000);
      server.registry.serve(await build.sign(registry.payload), `cold-${count}`);
      const samples = await withBrowser(server.port, build.extensionDir, async (browser) => {
        const ext = await browser.extensionPage();
        await ext.setRegistryUrl(server.registry.url);
        await ext.waitForStatus(
          (status) =>
            status.origin === 'remote' &&
            status.version === registry.payload.version &&
            status.entryCount === count,
          `the ${formatCount(count)} registry to be installed`,
          180_000,
        );
        const times: number[] = [];
        for (let round = 0; round < rounds; round++) {
          await ext.stopWorker(browser);
          await sleep(SETTLE_MS);
          const { ms, result } = await ext.lookup(registry.known.target);
          if (result?.verdict !== registry.known.status) {
            throw new Error(
              `cold lookup of ${registry.known.target} answered ${result?.verdict}, expected ${registry.known.status}`,
            );
          }
          times.push(ms);
        }
        return times;
      });
      const sorted = Float64Array.from(samples).sort();
      const label = formatCount(count);
      rows.push(
        {
          metric: `cold-start.${label.toLowerCase()}.median`,
          label: `worker cold start to first verdict, ${label} entries (median of ${rounds})`,
          value: percentile(sorted, 0.5),
          unit: 'ms',
          target: { op: '<=', value: targetMs },
          note: `stopped worker, lookup from an extension page; all: ${samples.map((ms) => ms.toFixed(0)).join(' ')} ms`,
        },
        {
          metric: `cold-start.${label.toLowerCase()}.p95`,
          label: `worker cold start to first verdict, ${label} entries (p95 of ${rounds})`,
          value: percentile(sorted, 0.95),
          unit: 'ms',
          note: `the target applies to the median; p95 shown against ${targetMs} ms for reference`,
        },
      );
    }
  });
  return rows;
}
