/**
 * Page-load time of a plain page with Qorgan against the same page without
 * it. Two browsers load in alternation, one load each in turn (A B B A ...),
 * so that drift of the machine falls on both alike; the extension is
 * installed in one of them and removed from the other, through the DevTools
 * protocol (Extensions.loadUnpacked and .uninstall), between blocks of loads,
 * so that each browser spends half the run with it and half without and the
 * two instances' own difference cancels out. (Two fixed browsers, one with the
 * extension and one without, were tried first: two browsers both without it
 * already differed by up to 4 % between their medians. One browser with
 * blocks of loads with and without the extension had the machine's drift
 * between blocks: up to 14 % between alternate blocks without it.)
 *
 * The figure per load is `loadEventEnd` of the Navigation Timing entry
 * (milliseconds from the start of the navigation); the next load starts once
 * the loaded page has had an idle moment, so that neither browser's after-load
 * work is left running into it. The page is on a host no
 * list knows, so the background does all it does for an ordinary site: its
 * verdict once parsed, the sweep and the detector's sampler (in the page's
 * main world) once it has loaded.
 * After each install the worker has its registry before any load is counted.
 *
 * The same is done, in blocks of its own after the plain page's, for the 1 MB
 * article of the content-cost benchmark: a page that takes longer to load, as
 * most real pages do. (Mixed into the plain page's blocks, a few article loads
 * after each run of plain ones, its ratio moved between 1.2× and 2.3× from run
 * to run; in blocks of its own, 1.0–1.05×.) Its
 * loads fall into two groups, with and without the extension alike: about
 * 100 ms right after a load in the same browser, about 300 ms right after one
 * in the other browser. A median of all of them lands in either group from run
 * to run, so each group has its own figure.
 *
 * Control: the same loads grouped by browser instead of by extension give the
 * difference between the two instances, which the swapping cancels.
 */
import { median } from '../measure';
import { bulkPage } from './content-cost';
import type { BenchRow } from '../types';
import {
  benchBuild,
  withBrowser,
  withServer,
  type BenchBrowser,
  type BenchPage,
  withMachineLoad,
} from './support';

const BLOCKS = 12;
const LOADS_PER_BLOCK = 32;
const ARTICLE_BLOCKS = 8;
const ARTICLE_LOADS_PER_BLOCK = 16;
const ARTICLE_HOST = 'long-article.example';
const WARM_UP_LOADS = 2;
/** How long a loaded page may take to reach an idle moment before the next load starts anyway. */
const SETTLE_TIMEOUT_MS = 1000;
const PLAIN_PAGE = 'http://plain-page.example/';

export async function loadEventEnd(page: BenchPage, url: string): Promise<number> {
  await page.navigate(url);
  return page.evaluate<number>(`new Promise((resolve) => {
    const read = () => {
      const entry = performance.getEntriesByType('navigation')[0];
      // Once the page has had an idle moment: its own after-load work (layout, paint) is not left to
      // run during the next load, in either browser.
      if (entry && entry.loadEventEnd > 0)
        requestIdleCallback(() => resolve(entry.loadEventEnd), { timeout: ${SETTLE_TIMEOUT_MS} });
      else setTimeout(read, 5);
    };
    read();
  })`);
}

export function run(): Promise<BenchRow[]> {
  return withMachineLoad(measure);
}

export async function installAndWait(browser: BenchBrowser, extensionDir: string): Promise<void> {
  await browser.installExtension(extensionDir);
  const control = await browser.extensionPage();
  await control.waitForStatus((status) => status.entryCount > 0, 'the bundled registry');
  await browser.closePage(control.page);
}

interface Side {
  browser: BenchBrowser;
  page: BenchPage;
  hasExtension: boolean;
  times: number[];
}

interface PageUnderTest {
  url: string;
  blocks: number;
  loadsPerBlock: number;
  withTimes: number[];
  withoutTimes: number[];
}

/** The article's loads, by what came just before them: a load in the same browser, or in the other. */
type After = 'own' | 'other';

async function measure(): Promise<BenchRow[]> {
  const build = await benchBuild();
  const articleHtml = bulkPage();
  return withServer((server) => {
    server.server.route(`${ARTICLE_HOST}/`, (_req, res) => {
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
        .end(articleHtml);
    });
    return withBrowser(server.port, null, (first) =>
      withBrowser(server.port, null, async (second) => {
        const sides: Side[] = [];
        for (const browser of [first, second])
          sides.push({ browser, page: await browser.newPage(), hasExtension: false, times: [] });
        const plain: PageUnderTest = {
          url: PLAIN_PAGE,
          blocks: BLOCKS,
          loadsPerBlock: LOADS_PER_BLOCK,
          withTimes: [],
          withoutTimes: [],
        };
        const long: PageUnderTest = {
          url: `http://${ARTICLE_HOST}/`,
          blocks: ARTICLE_BLOCKS,
          loadsPerBlock: ARTICLE_LOADS_PER_BLOCK,
          withTimes: [],
          withoutTimes: [],
        };
        let load = 0;
        let previous: Side | null = null;
        const article: Record<After, { with: number[]; without: number[] }> = {
          own: { with: [], without: [] },
          other: { with: [], without: [] },
        };
        // The plain page, then the article, each in its own blocks of loads.
        for (const target of [plain, long]) {
          for (let block = 0; block < target.blocks; block++) {
            const holder = sides[block % 2] as Side;
            const other = sides[(block + 1) % 2] as Side;
            if (other.hasExtension) {
              await other.browser.uninstallExtension();
              other.hasExtension = false;
            }
            if (!holder.hasExtension) await installAndWait(holder.browser, build.extensionDir);
            holder.hasExtension = true;
            for (let i = 0; i < WARM_UP_LOADS; i++)
              for (const side of sides) {
                await loadEventEnd(side.page, `${target.url}?warm-up=${load++}`);
                previous = side;
              }
            for (let i = 0; i < target.loadsPerBlock; i++) {
              for (const side of i % 2 === 0 ? [holder, other] : [other, holder]) {
                const time = await loadEventEnd(side.page, `${target.url}?load=${load++}`);
                if (target === plain) side.times.push(time);
                else {
                  const group = article[previous === side ? 'own' : 'other'];
                  (side === holder ? group.with : group.without).push(time);
                }
                (side === holder ? target.withTimes : target.withoutTimes).push(time);
                previous = side;
              }
            }
          }
        }
        const [one, two] = sides as [Side, Side];
        const kib = Math.round(Buffer.byteLength(articleHtml) / 1024);
        return [
          {
            metric: 'page-load.median-ratio',
            label: `plain page load, with Qorgan vs without (median of ${plain.withTimes.length} each)`,
            value: median(plain.withTimes),
            unit: 'ms',
            peer: { name: 'without extension', value: median(plain.withoutTimes) },
            target: { op: '<=', value: 1.03, on: 'ratio' },
            note: `loadEventEnd of a page with a heading and a sentence; two browsers loading in turn, the extension moved between them every ${LOADS_PER_BLOCK} loads, ${BLOCKS} blocks; ${PLAIN_PAGE}`,
          },
          ...(['own', 'other'] as const).map((after) => ({
            metric: `page-load.article-ratio-after-${after}`,
            label: `${kib} KiB article load right after ${after === 'own' ? 'a load in the same browser' : "the other browser's"}, with vs without (median of ${article[after].with.length} each)`,
            value: median(article[after].with),
            unit: 'ms',
            peer: { name: 'without extension', value: median(article[after].without) },
            note: `the same method, the content-cost page (a longer load, where the fixed cost per navigation weighs less); its loads fall into two groups by what came before them, so each has its own figure; all ${long.withTimes.length} loads each: ${median(long.withTimes).toFixed(0)} ms with, ${median(long.withoutTimes).toFixed(0)} ms without`,
          })),
          {
            metric: 'page-load.instance-ratio',
            label: `control: the plain-page loads by browser instead of by extension (median of ${one.times.length} each)`,
            value: median(one.times),
            unit: 'ms',
            peer: { name: 'the other browser', value: median(two.times) },
            note: 'the difference between the two browsers themselves, which moving the extension between them cancels',
          },
        ];
      }),
    );
  });
}
