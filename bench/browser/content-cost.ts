/**
 * The content code's main-thread cost on a 1 MB page.
 *
 * Method: CDP `Performance.getMetrics` reads, for one page, the renderer main
 * thread's accumulated `ScriptDuration` (all JavaScript run for the page,
 * every world included: the page's main world and the extension's isolated
 * world) and `TaskDuration` (every main-thread task: parsing, style, layout,
 * script). Each load opens a new tab, enables the Performance domain, loads a
 * generated ~1 MB plain HTML page on a host no list knows (so the background
 * injects, in the page's main world, the sweep of forged banners and the
 * unregistered detector's sampler once the page has loaded; the sampler reads
 * the page when it is idle), waits a second and an idle callback more, and
 * reads the metrics; then it checks, from a log of the worker's injections,
 * that the sweep and the sampler were injected and settled. The same loads run
 * in a browser without the extension, alternating with it. The page has no
 * script of its own, so script time without the extension is ~0 and the
 * difference of the medians is the content code's own JavaScript time, forced
 * style and layout work done inside its calls included (Chromium counts it in
 * the calling script's duration). The TaskDuration difference is reported
 * beside it as a cross-check; it carries the parser's and layout's noise.
 *
 * The same page is also loaded on a licensed host (bybit.kz), where only the
 * sweep is injected: no banner, no sample. That gives the cost without the
 * detector, and the difference between the two pages the detector's own cost
 * in a real browser (the sampler's in the page; the background scores a
 * sample in the worker, off the page's thread).
 *
 * The log of injections: before the loads, the bench wraps the worker's
 * `chrome.scripting.executeScript` through the DevTools protocol so that each
 * call is recorded with its files, its world and whether it settled.
 */
import { PAGE_SAMPLE_FILE, PAGE_SWEEP_FILE } from '../../lib/messaging/protocol';
import { median } from '../measure';
import type { BenchRow } from '../types';
import {
  benchBuild,
  withBrowser,
  withServer,
  type BenchBrowser,
  type BenchPage,
  withMachineLoad,
} from './support';

const LOADS_PER_SIDE = 12;
const WARM_UP_LOADS = 2;
const BULK_HOST = 'bulk-page.example';
const LICENSED_HOST = 'bybit.kz';
const TARGET_BYTES = 1_048_576;

/** One call of the worker's executeScript, as the log records it. */
interface Injection {
  files: string[] | null;
  world: string;
  settled: boolean;
}

/**
 * Each load opens a new tab, whose first document is `about:blank`: the background asks that
 * document its origin once (one function in the isolated world, no file), as it asks every
 * `about:` document, since a site can write its interface into one. Its cost, whatever it is,
 * falls in the measured tab and is counted.
 */
const BLANK_DOCUMENT: Injection = { files: null, world: 'ISOLATED', settled: true };
/** Neither page gets the banner; both get the sweep; the unlisted one the sampler too, in one injection. */
const UNLISTED: Injection[] = [
  BLANK_DOCUMENT,
  { files: [PAGE_SWEEP_FILE, PAGE_SAMPLE_FILE], world: 'MAIN', settled: true },
];
const LICENSED: Injection[] = [BLANK_DOCUMENT, { files: [PAGE_SWEEP_FILE], world: 'MAIN', settled: true }];

const LOG = 'globalThis.__qorganBenchInjections';
/** Wraps the worker's executeScript to record each call (the extension calls it through `chrome` in Chromium). */
const INSTALL_LOG = `(() => {
  const log = (${LOG} = []);
  const api = chrome.scripting;
  const original = api.executeScript.bind(api);
  api.executeScript = (injection) => {
    const entry = { files: injection.files ?? null, world: injection.world ?? 'ISOLATED', settled: false };
    log.push(entry);
    const done = () => { entry.settled = true; };
    const call = original(injection);
    call.then(done, done);
    return call;
  };
  return api.executeScript !== original;
})()`;

/** About 1 MB of ordinary article markup: headings, paragraphs, lists and a table, no script. */
export function bulkPage(): string {
  const words =
    'registry licence market exchange tenge almaty astana report policy customer account service price ' +
    'network history weather culture science travel museum river mountain steppe garden library school';
  const vocabulary = words.split(' ');
  let seed = 1;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed;
  };
  const sentence = () =>
    Array.from({ length: 8 + (next() % 10) }, () => vocabulary[next() % vocabulary.length]).join(' ') + '. ';
  const parts: string[] = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A long plain page</title>',
    '<style>body{font:16px/1.5 serif;max-width:48em;margin:auto}table{border-collapse:collapse}</style></head><body>',
  ];
  let size = parts.join('').length;
  for (let section = 0; size < TARGET_BYTES - 2000; section++) {
    const block = [
      `<h2>Section ${section}</h2>`,
      ...Array.from({ length: 4 }, () => `<p>${sentence()}${sentence()}${sentence()}</p>`),
      `<ul>${Array.from({ length: 5 }, () => `<li>${sentence()}</li>`).join('')}</ul>`,
      section % 5 === 0
        ? `<table>${Array.from({ length: 6 }, (_, row) => `<tr><td>${row}</td><td>${sentence()}</td></tr>`).join('')}</table>`
        : '',
    ].join('');
    parts.push(block);
    size += block.length;
  }
  parts.push('</body></html>');
  return parts.join('');
}

interface Metrics {
  script: number;
  task: number;
}

/** The injections logged since the last call, which empties the log; throws if the worker lost it (it restarted). */
async function takeInjections(worker: BenchPage): Promise<Injection[]> {
  const taken = await worker.evaluate<Injection[] | null>(`Array.isArray(${LOG}) ? ${LOG}.splice(0) : null`);
  if (taken === null)
    throw new Error("the worker's log of injections is gone: the worker restarted during the run");
  return taken;
}

async function loadOnce(
  browser: BenchBrowser,
  url: string,
  expect: { worker: BenchPage; injections: Injection[] } | null,
): Promise<Metrics> {
  const page = await browser.newPage();
  try {
    await page.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.navigate(url);
    // Once the page has loaded the background injects the sweep and the sampler, which reads the
    // page at its next idle moment: a second is ample, and is checked below.
    await page.evaluate(
      'new Promise((resolve) => setTimeout(() => requestIdleCallback(() => resolve(), { timeout: 5000 }), 1000))',
    );
    const { metrics } = await page.send<{ metrics: { name: string; value: number }[] }>(
      'Performance.getMetrics',
    );
    if (expect) {
      const seen = await takeInjections(expect.worker);
      if (JSON.stringify(seen) !== JSON.stringify(expect.injections))
        throw new Error(
          `on ${url} the worker injected ${JSON.stringify(seen)}, expected ${JSON.stringify(expect.injections)}`,
        );
    }
    const read = (name: string) => (metrics.find((metric) => metric.name === name)?.value ?? NaN) * 1000;
    return { script: read('ScriptDuration'), task: read('TaskDuration') };
  } finally {
    await browser.cdp.send('Target.closeTarget', { targetId: page.targetId });
  }
}

export function run(): Promise<BenchRow[]> {
  return withMachineLoad(measure);
}

async function measure(): Promise<BenchRow[]> {
  const build = await benchBuild();
  const html = bulkPage();
  return withServer(async (server) => {
    for (const host of [BULK_HOST, LICENSED_HOST]) {
      server.server.route(`${host}/`, (_req, res) => {
        res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
          .end(html);
      });
    }
    return withBrowser(server.port, build.extensionDir, (withExtension) =>
      withBrowser(server.port, null, async (without) => {
        const ext = await withExtension.extensionPage();
        await ext.waitForStatus((status) => status.entryCount > 0, 'the bundled registry');
        const worker = await withExtension.workerSession();
        if (!(await worker.evaluate<boolean>(INSTALL_LOG)))
          throw new Error("could not wrap the worker's executeScript");
        await takeInjections(worker);
        const unlisted = { worker, injections: UNLISTED };
        const licensed = { worker, injections: LICENSED };
        const url = `http://${BULK_HOST}/`;
        for (let i = 0; i < WARM_UP_LOADS; i++) {
          await loadOnce(withExtension, url, unlisted);
          await loadOnce(without, url, null);
        }
        const licensedUrl = `https://${LICENSED_HOST}/`;
        const withRuns: Metrics[] = [];
        const withoutRuns: Metrics[] = [];
        const licensedRuns: Metrics[] = [];
        for (let i = 0; i < LOADS_PER_SIDE; i++) {
          if (i % 2 === 0) {
            withRuns.push(await loadOnce(withExtension, url, unlisted));
            withoutRuns.push(await loadOnce(without, url, null));
            licensedRuns.push(await loadOnce(withExtension, licensedUrl, licensed));
          } else {
            licensedRuns.push(await loadOnce(withExtension, licensedUrl, licensed));
            withoutRuns.push(await loadOnce(without, url, null));
            withRuns.push(await loadOnce(withExtension, url, unlisted));
          }
        }
        const scriptLicensed = median(licensedRuns.map((m) => m.script));
        const scriptWith = median(withRuns.map((m) => m.script));
        const scriptWithout = median(withoutRuns.map((m) => m.script));
        const taskWith = median(withRuns.map((m) => m.task));
        const taskWithout = median(withoutRuns.map((m) => m.task));
        const kib = Math.round(Buffer.byteLength(html) / 1024);
        return [
          {
            metric: 'content-cost.script-ms',
            label: `content code main-thread script time, ${kib} KiB page, detector apart (median of ${LOADS_PER_SIDE}, with - without)`,
            value: scriptLicensed - scriptWithout,
            unit: 'ms',
            target: { op: '<=', value: 2 },
            note: `ScriptDuration on ${LICENSED_HOST} (licensed: the sweep is injected, no sample is taken): ${scriptLicensed.toFixed(2)} ms, without the extension ${scriptWithout.toFixed(2)} ms; the detector has its own figure below`,
          },
          {
            metric: 'content-cost.script-ms-unlisted',
            label: `content code with the detector's run, same page on an unlisted site (median of ${LOADS_PER_SIDE}, with - without)`,
            value: scriptWith - scriptWithout,
            unit: 'ms',
            note: `ScriptDuration on ${BULK_HOST}: ${scriptWith.toFixed(2)} ms; the sweep, and the sampler run once at the page's idle time`,
          },
          {
            metric: 'content-cost.detector-ms',
            label: `unregistered-exchange detector in Chromium, ${kib} KiB page (unlisted page - licensed page)`,
            value: scriptWith - scriptLicensed,
            unit: 'ms',
            target: { op: '<=', value: 5 },
            note: 'the same page, the same content code; only the detector runs on the unlisted one',
          },
          {
            metric: 'content-cost.task-ms',
            label: `main-thread task time added, ${kib} KiB page (median of ${LOADS_PER_SIDE}, with - without)`,
            value: taskWith - taskWithout,
            unit: 'ms',
            note: `cross-check, TaskDuration (parser and layout included, noisy): with ${taskWith.toFixed(1)} ms, without ${taskWithout.toFixed(1)} ms`,
          },
        ];
      }),
    );
  });
}
