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
 *
 * How long a worker takes to start depends on the machine far more than on
 * Qorgan, so the figure is a ratio: a second browser with an empty extension
 * (bench/browser/empty-extension.ts), whose worker answers a constant, is open
 * beside Qorgan's, and its rounds, stopped and timed the same way, alternate
 * with Qorgan's one by one.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { percentile } from '../measure';
import type { BenchRow } from '../types';
import { EMPTY_ANSWER, QORGAN_EVENT_COUNT, writeEmptyExtension } from './empty-extension';
import {
  benchBuild,
  benchRegistry,
  formatCount,
  sleep,
  withBrowser,
  withServer,
  withMachineLoad,
  type BenchBrowser,
  type ExtensionPage,
} from './support';

const SCENARIOS = [
  { count: 100_000, rounds: 20, targetRatio: 1.5, formerTargetMs: 50 },
  { count: 1_000_000, rounds: 12, targetRatio: null, formerTargetMs: 300 },
] as const;
/** Quiet time after the stop, so that nothing of the previous life is still in flight. */
const SETTLE_MS = 150;
/** Quiet time after an empty extension is installed, before its first round. */
const INSTALL_SETTLE_MS = 3000;

export function run(): Promise<BenchRow[]> {
  return withMachineLoad(measure);
}

function formatTimes(samples: number[]): string {
  return samples.map((ms) => ms.toFixed(0)).join(' ');
}

/** One round of an empty extension's worker: stopped, then woken and timed by one message. */
async function emptyWorkerRound(ext: ExtensionPage, browser: BenchBrowser): Promise<number> {
  await ext.stopWorker(browser);
  await sleep(SETTLE_MS);
  const { ms, response } = await ext.timedMessage<string>({ type: 'ping', data: {} });
  if (response !== EMPTY_ANSWER) throw new Error(`the empty worker answered ${JSON.stringify(response)}`);
  return ms;
}

/** The empty extension's worker, stopped and woken by one message, `rounds` times in a fresh browser. */
async function emptyWorkerRounds(port: number, dir: string, rounds: number): Promise<number[]> {
  return withBrowser(port, dir, async (browser) => {
    const ext = await browser.extensionPage();
    // Just after installing a worker with a large script, the browser did not stop it for seconds
    // (its first start is still settling); every variant waits the same before its first round.
    await sleep(INSTALL_SETTLE_MS);
    const times: number[] = [];
    for (let round = 0; round < rounds; round++) times.push(await emptyWorkerRound(ext, browser));
    return times;
  });
}

async function measure(): Promise<BenchRow[]> {
  const build = await benchBuild();
  const empty = writeEmptyExtension(build);
  const listening = writeEmptyExtension(build, { listening: true });
  const reading = writeEmptyExtension(build, { listening: true, reading: true });
  const carrying = writeEmptyExtension(build, {
    listening: true,
    reading: true,
    carrying: readFileSync(path.join(build.extensionDir, 'background.js'), 'utf8'),
  });
  const variants = { empty, listening, reading, carrying };
  try {
    return [
      ...(await measureWith(build, empty.dir)),
      ...(await withServer((server) => browserShare(server.port, variants))),
    ];
  } finally {
    for (const variant of Object.values(variants)) variant.remove();
  }
}

/**
 * What a Qorgan worker's start costs before any of its own work, in steps: the empty worker; the
 * empty worker with the listeners a Qorgan worker must register on its first tick (doing
 * nothing); that worker also reading one record from IndexedDB before it answers, the least a
 * worker that keeps its registry there can do; and that worker also carrying Qorgan's worker
 * script, parsed at each start but never run. Each in a fresh browser, three times in turn.
 * Breakdown rows of the cold start's ratio, without targets: together, the floor under it.
 */
async function browserShare(
  port: number,
  dirs: Record<'empty' | 'listening' | 'reading' | 'carrying', { dir: string }>,
): Promise<BenchRow[]> {
  const rounds = 20;
  const turns = 3;
  const times = {
    empty: [] as number[],
    listening: [] as number[],
    reading: [] as number[],
    carrying: [] as number[],
  };
  for (let turn = 0; turn < turns; turn++) {
    for (const name of ['empty', 'listening', 'reading', 'carrying'] as const)
      times[name].push(...(await emptyWorkerRounds(port, dirs[name].dir, rounds)));
  }
  const middle = (samples: number[]) => percentile(Float64Array.from(samples).sort(), 0.5);
  const peer = { name: 'empty extension worker', value: middle(times.empty) };
  const scriptKb = Math.round(statSync(path.join(dirs.carrying.dir, 'background.js')).size / 1000);
  return [
    {
      metric: 'cold-start.listeners-alone.median',
      label: `  of which: an empty worker with Qorgan's listeners only, vs an empty worker (median of ${rounds * turns})`,
      value: middle(times.listening),
      unit: 'ms',
      peer,
      note: `breakdown, no target: the browser's part of the ratio for the ${QORGAN_EVENT_COUNT} events a worker must listen to from its first tick; with listeners: ${formatTimes(times.listening)} ms; empty: ${formatTimes(times.empty)} ms`,
    },
    {
      metric: 'cold-start.one-record.median',
      label: `  of which: the same, also reading one IndexedDB record before answering (median of ${rounds * turns})`,
      value: middle(times.reading),
      unit: 'ms',
      peer,
      note: `breakdown, no target: the floor of any worker that keeps its registry in IndexedDB (one 5 kB record, the database opened at the first tick); all: ${formatTimes(times.reading)} ms`,
    },
    {
      metric: 'cold-start.script-parsed.median',
      label: `  of which: the same, also parsing Qorgan's worker script without running it (median of ${rounds * turns})`,
      value: middle(times.carrying),
      unit: 'ms',
      peer,
      note: `breakdown, no target: what loading and parsing the worker script's ${scriptKb} kB adds at the least, before any of it runs; all: ${formatTimes(times.carrying)} ms`,
    },
  ];
}

async function measureWith(
  build: Awaited<ReturnType<typeof benchBuild>>,
  emptyDir: string,
): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  await withServer(async (server) => {
    for (const { count, rounds, targetRatio, formerTargetMs } of SCENARIOS) {
      const registry = benchRegistry(count, 3000 + count / 1000);
      server.registry.serve(await build.sign(registry.payload), `cold-${count}`);
      // Both browsers stay open and their rounds alternate, one by one, each going first in turn:
      // the machine's drift falls on both alike, as in the page-load module.
      const { samples, baseline } = await withBrowser(server.port, emptyDir, async (emptyBrowser) => {
        const empty = await emptyBrowser.extensionPage();
        await sleep(INSTALL_SETTLE_MS);
        return withBrowser(server.port, build.extensionDir, async (browser) => {
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
          const ours = async () => {
            await ext.stopWorker(browser);
            await sleep(SETTLE_MS);
            const { ms, result } = await ext.lookup(registry.known.target);
            if (result?.verdict !== registry.known.status) {
              throw new Error(
                `cold lookup of ${registry.known.target} answered ${result?.verdict}, expected ${registry.known.status}`,
              );
            }
            return ms;
          };
          const theirs = () => emptyWorkerRound(empty, emptyBrowser);
          const times = { samples: [] as number[], baseline: [] as number[] };
          for (let round = 0; round < rounds; round++) {
            if (round % 2 === 0) {
              times.samples.push(await ours());
              times.baseline.push(await theirs());
            } else {
              times.baseline.push(await theirs());
              times.samples.push(await ours());
            }
          }
          return times;
        });
      });
      const sorted = Float64Array.from(samples).sort();
      const baselineSorted = Float64Array.from(baseline).sort();
      const label = formatCount(count);
      const peer = { name: 'empty extension worker', value: percentile(baselineSorted, 0.5) };
      rows.push(
        {
          metric: `cold-start.${label.toLowerCase()}.median`,
          label: `worker cold start to first verdict, ${label} entries, vs an empty worker (median of ${rounds})`,
          value: percentile(sorted, 0.5),
          unit: 'ms',
          peer,
          ...(targetRatio === null ? {} : { target: { op: '<=', value: targetRatio, on: 'ratio' } as const }),
          note:
            `stopped worker, lookup from an extension page; all: ${formatTimes(samples)} ms; ` +
            `empty worker, its rounds alternating with these in a second browser: ${formatTimes(baseline)} ms` +
            (targetRatio === null ? `; no target (formerly ${formerTargetMs} ms absolute)` : ''),
        },
        {
          metric: `cold-start.${label.toLowerCase()}.p95`,
          label: `worker cold start to first verdict, ${label} entries, vs an empty worker (p95 of ${rounds})`,
          value: percentile(sorted, 0.95),
          unit: 'ms',
          peer: { name: 'empty extension worker', value: percentile(baselineSorted, 0.95) },
          note: `breakdown, no target; the absolute target was ${formerTargetMs} ms on the median`,
        },
      );
    }
  });
  return rows;
}
