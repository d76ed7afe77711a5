/**
 * The content script's main-thread cost on a 1 MB page.
 *
 * Method: CDP `Performance.getMetrics` reads, for one page, the renderer main
 * thread's accumulated `ScriptDuration` (all JavaScript run for the page,
 * every world included: the page's main world and the extension's isolated
 * world) and `TaskDuration` (every main-thread task: parsing, style, layout,
 * script). Each load opens a new tab, enables the Performance domain, loads a
 * generated ~1 MB plain HTML page on a host no list knows (so the content
 * script asks for a verdict, gets `unknown` and runs the unregistered-exchange
 * detector when the page is idle), waits until the page's idle callbacks have
 * run after the detector's, and reads the metrics. The same loads run in a
 * browser without the extension, alternating with it. The page has no script
 * of its own, so script time without the extension is ~0 and the difference
 * of the medians is the content script's own JavaScript time, forced style and
 * layout work done inside its calls included (Chromium counts it in the
 * calling script's duration). The TaskDuration difference is reported beside
 * it as a cross-check; it carries the parser's and layout's noise.
 *
 * The same page is also loaded on a licensed host (bybit.kz), where the
 * content script gets its verdict and stops: no banner, no detector. That
 * gives the content script's cost without the detector, and the difference
 * between the two pages the detector's own cost in a real browser.
 */
import { median } from '../measure';
import type { BenchRow } from '../types';
import { benchBuild, withBrowser, withServer, type BenchBrowser, withMachineLoad } from './support';

const LOADS_PER_SIDE = 12;
const WARM_UP_LOADS = 2;
const BULK_HOST = 'bulk-page.example';
const LICENSED_HOST = 'bybit.kz';
const TARGET_BYTES = 1_048_576;

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

async function loadOnce(browser: BenchBrowser, url: string): Promise<Metrics> {
  const page = await browser.newPage();
  try {
    await page.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.navigate(url);
    // Idle callbacks run in order: one queued now runs after the detector's, queued at load.
    await page.evaluate(
      'new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve, 0), { timeout: 5000 }))',
    );
    const { metrics } = await page.send<{ metrics: { name: string; value: number }[] }>(
      'Performance.getMetrics',
    );
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
        const url = `http://${BULK_HOST}/`;
        for (let i = 0; i < WARM_UP_LOADS; i++) {
          await loadOnce(withExtension, url);
          await loadOnce(without, url);
        }
        const licensedUrl = `https://${LICENSED_HOST}/`;
        const withRuns: Metrics[] = [];
        const withoutRuns: Metrics[] = [];
        const licensedRuns: Metrics[] = [];
        for (let i = 0; i < LOADS_PER_SIDE; i++) {
          if (i % 2 === 0) {
            withRuns.push(await loadOnce(withExtension, url));
            withoutRuns.push(await loadOnce(without, url));
            licensedRuns.push(await loadOnce(withExtension, licensedUrl));
          } else {
            licensedRuns.push(await loadOnce(withExtension, licensedUrl));
            withoutRuns.push(await loadOnce(without, url));
            withRuns.push(await loadOnce(withExtension, url));
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
            label: `content script main-thread script time, ${kib} KiB page (median of ${LOADS_PER_SIDE}, with - without)`,
            value: scriptWith - scriptWithout,
            unit: 'ms',
            target: { op: '<=', value: 2 },
            note: `Performance.getMetrics ScriptDuration: with ${scriptWith.toFixed(2)} ms, without ${scriptWithout.toFixed(2)} ms`,
          },
          {
            metric: 'content-cost.script-ms-listed',
            label: `content script without the detector, same page on a licensed site (median of ${LOADS_PER_SIDE}, with - without)`,
            value: scriptLicensed - scriptWithout,
            unit: 'ms',
            note: `ScriptDuration on ${LICENSED_HOST}: ${scriptLicensed.toFixed(2)} ms; the verdict is licensed, so no banner and no detector`,
          },
          {
            metric: 'content-cost.detector-ms',
            label: `unregistered-exchange detector in Chromium, ${kib} KiB page (unlisted page - licensed page)`,
            value: scriptWith - scriptLicensed,
            unit: 'ms',
            target: { op: '<=', value: 5 },
            note: 'the same page, the same content script; only the detector runs on the unlisted one',
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
