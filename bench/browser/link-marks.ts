/**
 * The link marks' cost on a search results page with 100 links, sixteen of them
 * to the four listed sites (licensed, blocked, warned, lookalike), served at
 * www.google.com, where the background injects the link marks once the page
 * has loaded (their code also runs the sweep of forged banners there).
 *
 * - Main-thread script time: CDP `Performance.getMetrics` `ScriptDuration` of
 *   the page, with the extension and without it, loads alternating between
 *   two browsers, as in content-cost.ts. The page has no script of its own,
 *   so the difference of the medians is our content code's time: finding the
 *   links, their targets, the one message, the marks and their shadow roots.
 *   After each load with the extension the marks are counted: sixteen, or the
 *   run fails.
 *   The same is measured, in the same two browsers, for the two floors of
 *   link-marks-floor.ts: an extension that only reads the links' addresses
 *   and puts in the sixteen bare marks, in the page's own world, and the same
 *   with the sweep, an observer and one style sheet.
 * - Page load: `loadEventEnd` with and without the extension, by the method
 *   of page-load.ts (two browsers loading in turn, the extension moved
 *   between them every block of loads).
 */
import { median } from '../measure';
import type { BenchRow } from '../types';
import { writeLinkMarksFloor } from './link-marks-floor';
import { installAndWait, loadEventEnd } from './page-load';
import {
  benchBuild,
  withBrowser,
  withMachineLoad,
  withServer,
  type BenchBrowser,
  type BenchPage,
} from './support';

const LINKS = 100;
const LISTED = ['https://bybit.kz/', 'https://coinbase.com/', 'https://okx.com/', 'http://bybiit.kz/'];
const RESULTS_URL = 'https://www.google.com/search';
const COST_LOADS = 12;
const BLOCKS = 8;
const LOADS_PER_BLOCK = 16;
const WARM_UP_LOADS = 2;

function resultsPage(): string {
  const links = Array.from({ length: LINKS }, (_, i) => {
    const target = LISTED[i % 25] ?? `https://result-${i}.example.org/page/${i}`;
    const listed = i % 25 < LISTED.length ? LISTED[i % 25] : undefined;
    const href = `/url?q=${encodeURIComponent(listed ?? target)}&sa=U&ved=${i}`;
    return `<div class="g"><a href="${href}"><h3>Result ${i}: купить USDT</h3></a><span>${target}</span><p>A short snippet of the result, as a results page shows under each link.</p></div>`;
  });
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>купить USDT</title></head><body>${links.join('')}</body></html>`;
}
const MARKS = Array.from({ length: LINKS }, (_, i) => i % 25 < LISTED.length).filter(Boolean).length;

async function scriptTime(browser: BenchBrowser, url: string, marks: number | null): Promise<number> {
  const page: BenchPage = await browser.newPage();
  try {
    await page.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.navigate(url);
    await page.evaluate(
      'new Promise((resolve) => setTimeout(() => requestIdleCallback(() => resolve(), { timeout: 5000 }), 1500))',
    );
    const { metrics } = await page.send<{ metrics: { name: string; value: number }[] }>(
      'Performance.getMetrics',
    );
    if (marks !== null) {
      const seen = await page.evaluate<number>(`document.getElementsByTagName('qorgan-mark').length`);
      if (seen !== marks) throw new Error(`${seen} link marks on the results page ${url}, expected ${marks}`);
    }
    return (metrics.find((metric) => metric.name === 'ScriptDuration')?.value ?? NaN) * 1000;
  } finally {
    await browser.cdp.send('Target.closeTarget', { targetId: page.targetId });
  }
}

/**
 * Loads the results page until an extension just installed marks it: its worker listens only once
 * its script has run, which the install does not wait for.
 */
async function untilMarked(browser: BenchBrowser, url: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (let round = 0; Date.now() < deadline; round++) {
    const page: BenchPage = await browser.newPage();
    try {
      await page.navigate(`${url}-${round}`);
      for (let look = 0; look < 20; look++) {
        if ((await page.evaluate<number>(`document.getElementsByTagName('qorgan-mark').length`)) === MARKS)
          return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      await browser.cdp.send('Target.closeTarget', { targetId: page.targetId });
    }
  }
  throw new Error('the floor extension never marked the results page');
}

export function run(): Promise<BenchRow[]> {
  return withMachineLoad(measure);
}

async function measure(): Promise<BenchRow[]> {
  const build = await benchBuild();
  const floor = writeLinkMarksFloor(build, { host: 'www.google.com', listed: LISTED });
  const required = writeLinkMarksFloor(build, { host: 'www.google.com', listed: LISTED, required: true });
  try {
    return await measureWith(build, { bare: floor.dir, required: required.dir });
  } finally {
    floor.remove();
    required.remove();
  }
}

async function measureWith(
  build: Awaited<ReturnType<typeof benchBuild>>,
  floors: Record<'bare' | 'required', string>,
): Promise<BenchRow[]> {
  const html = resultsPage();
  return withServer((server) => {
    server.server.route('www.google.com/search', (_req, res) => {
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
        .end(html);
    });
    return withBrowser(server.port, null, (first) =>
      withBrowser(server.port, null, async (second) => {
        const browsers = [first, second] as const;
        const pages = [await first.newPage(), await second.newPage()] as const;
        let holder = -1;
        const moveExtensionTo = async (index: number) => {
          if (holder === index) return;
          if (holder >= 0) await browsers[holder]?.uninstallExtension();
          await installAndWait(browsers[index] as BenchBrowser, build.extensionDir);
          holder = index;
        };
        const load = { with: [] as number[], without: [] as number[] };
        let n = 0;
        for (let block = 0; block < BLOCKS; block++) {
          await moveExtensionTo(block % 2);
          const order = [block % 2, (block + 1) % 2];
          for (let i = 0; i < WARM_UP_LOADS; i++)
            for (const side of order)
              await loadEventEnd(pages[side] as BenchPage, `${RESULTS_URL}?q=warm-${n++}`);
          for (let i = 0; i < LOADS_PER_BLOCK; i++) {
            for (const side of i % 2 === 0 ? order : [...order].reverse()) {
              const time = await loadEventEnd(pages[side] as BenchPage, `${RESULTS_URL}?q=load-${n++}`);
              (side === holder ? load.with : load.without).push(time);
            }
          }
        }
        // Script time: each extension moved between the two browsers every four loads; Qorgan first
        // (out of the browser that held it for the loads above), then the floors.
        await browsers[holder]?.uninstallExtension();
        const costRounds = async (name: string, install: (browser: BenchBrowser) => Promise<void>) => {
          const times = { with: [] as number[], without: [] as number[] };
          let at = 0;
          for (let i = 0; i < COST_LOADS; i++) {
            if (i % 4 === 0) {
              if (i > 0) await browsers[at]?.uninstallExtension();
              at = (i / 4) % 2;
              await install(browsers[at] as BenchBrowser);
            }
            const url = () => `${RESULTS_URL}?q=${name}-${n++}`;
            times.with.push(await scriptTime(browsers[at] as BenchBrowser, url(), MARKS));
            times.without.push(await scriptTime(browsers[(at + 1) % 2] as BenchBrowser, url(), null));
          }
          await browsers[at]?.uninstallExtension();
          return times;
        };
        const cost = await costRounds('cost', (browser) => installAndWait(browser, build.extensionDir));
        const floorRounds = (dir: string, name: string) =>
          costRounds(name, async (browser) => {
            await browser.installExtension(dir);
            await untilMarked(browser, `${RESULTS_URL}?q=${name}-warm-${n++}`);
          });
        const bare = await floorRounds(floors.bare, 'floor');
        const required = await floorRounds(floors.required, 'required');
        const scriptWith = median(cost.with);
        const scriptWithout = median(cost.without);
        const bareScript = median(bare.with) - median(bare.without);
        const requiredScript = median(required.with) - median(required.without);
        return [
          {
            metric: 'link-marks.script-ms',
            label: `link marks on a results page with ${LINKS} links, main-thread script time (median of ${COST_LOADS}, with - without)`,
            value: scriptWith - scriptWithout,
            unit: 'ms',
            target: { op: '<=', value: 3 },
            note: `ScriptDuration with ${scriptWith.toFixed(2)} ms, without ${scriptWithout.toFixed(2)} ms; ${MARKS} links marked, the sweep run by the link marks' own code; ${((scriptWith - scriptWithout) / requiredScript).toFixed(2)}x the floor with what is required, ${((scriptWith - scriptWithout) / bareScript).toFixed(2)}x the bare floor (both below)`,
          },
          {
            metric: 'link-marks.floor-script-ms',
            label: `floor: an extension that only reads the ${LINKS} links and puts in ${MARKS} bare marks, script time (median of ${COST_LOADS}, with - without)`,
            value: bareScript,
            unit: 'ms',
            note: `ScriptDuration with ${median(bare.with).toFixed(2)} ms, without ${median(bare.without).toFixed(2)} ms; two injections into the page's own world, no shadow root, style, observer, sweep or question (link-marks-floor.ts)`,
          },
          {
            metric: 'link-marks.required-floor-script-ms',
            label: `floor: the same, with the sweep of forged banners, an observer for later links and one style sheet, script time (median of ${COST_LOADS}, with - without)`,
            value: requiredScript,
            unit: 'ms',
            note: `ScriptDuration with ${median(required.with).toFixed(2)} ms, without ${median(required.without).toFixed(2)} ms; Qorgan's built page-sweep.js, one MutationObserver and one adopted style sheet added to the bare floor (link-marks-floor.ts)`,
          },
          {
            metric: 'link-marks.page-load-ratio',
            label: `results page load with ${LINKS} links, with Qorgan vs without (median of ${load.with.length} each)`,
            value: median(load.with),
            unit: 'ms',
            peer: { name: 'without extension', value: median(load.without) },
            target: { op: '<=', value: 1.03, on: 'ratio' },
            note: `loadEventEnd, two browsers loading in turn, the extension moved between them every ${LOADS_PER_BLOCK} loads, ${BLOCKS} blocks; ${RESULTS_URL}`,
          },
        ];
      }),
    );
  });
}
