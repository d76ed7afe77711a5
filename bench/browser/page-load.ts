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
 * (milliseconds from the start of the navigation). The page is on a host no
 * list knows, so the background does all it does for an ordinary site: its
 * verdict once parsed, the sweep and the detector's sampler (in the page's
 * main world) once it has loaded.
 * After each install the worker has its registry before any load is counted.
 *
 * The same is done, with fewer loads, for the 1 MB article of the content-cost
 * benchmark: a page that takes longer to load, as most real pages do.
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
const ARTICLE_LOADS_PER_BLOCK = 8;
const ARTICLE_HOST = 'long-article.example';
const WARM_UP_LOADS = 2;
const PLAIN_PAGE = 'http://plain-page.example/';

async function loadEventEnd(page: BenchPage, url: string): Promise<number> {
  await page.navigate(url);
  return page.evaluate<number>(`new Promise((resolve) => {
    const read = () => {
      const entry = performance.getEntriesByType('navigation')[0];
      if (entry && entry.loadEventEnd > 0) resolve(entry.loadEventEnd);
      else setTimeout(read, 5);
    };
    read();
  })`);
}

export function run(): Promise<BenchRow[]> {
  return withMachineLoad(measure);
}

async function installAndWait(browser: BenchBrowser, extensionDir: string): Promise<void> {
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
  loadsPerBlock: number;
  withTimes: number[];
  withoutTimes: number[];
}

async function measure(): Promise<BenchRow[]> {
  const build = await benchBuild();
  const article = bulkPage();
  return withServer((server) => {
    server.server.route(`${ARTICLE_HOST}/`, (_req, res) => {
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
        .end(article);
    });
    return withBrowser(server.port, null, (first) =>
      withBrowser(server.port, null, async (second) => {
        const sides: Side[] = [];
        for (const browser of [first, second])
          sides.push({ browser, page: await browser.newPage(), hasExtension: false, times: [] });
        const plain: PageUnderTest = {
          url: PLAIN_PAGE,
          loadsPerBlock: LOADS_PER_BLOCK,
          withTimes: [],
          withoutTimes: [],
        };
        const long: PageUnderTest = {
          url: `http://${ARTICLE_HOST}/`,
          loadsPerBlock: ARTICLE_LOADS_PER_BLOCK,
          withTimes: [],
          withoutTimes: [],
        };
        let load = 0;
        for (let block = 0; block < BLOCKS; block++) {
          const holder = sides[block % 2] as Side;
          const other = sides[(block + 1) % 2] as Side;
          if (other.hasExtension) {
            await other.browser.uninstallExtension();
            other.hasExtension = false;
          }
          await installAndWait(holder.browser, build.extensionDir);
          holder.hasExtension = true;
          for (let i = 0; i < WARM_UP_LOADS; i++)
            for (const side of sides) await loadEventEnd(side.page, `${PLAIN_PAGE}?warm-up=${load++}`);
          for (const target of [plain, long]) {
            for (let i = 0; i < target.loadsPerBlock; i++) {
              for (const side of i % 2 === 0 ? [holder, other] : [other, holder]) {
                const time = await loadEventEnd(side.page, `${target.url}?load=${load++}`);
                if (target === plain) side.times.push(time);
                (side === holder ? target.withTimes : target.withoutTimes).push(time);
              }
            }
          }
        }
        const [one, two] = sides as [Side, Side];
        const kib = Math.round(Buffer.byteLength(article) / 1024);
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
          {
            metric: 'page-load.article-ratio',
            label: `${kib} KiB article page load, with Qorgan vs without (median of ${long.withTimes.length} each)`,
            value: median(long.withTimes),
            unit: 'ms',
            peer: { name: 'without extension', value: median(long.withoutTimes) },
            note: 'the same method, the content-cost page; a longer load, where the fixed cost per navigation weighs less',
          },
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
