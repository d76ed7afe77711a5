/**
 * Page-load time of a plain page with Qorgan against the same page without
 * it: two browsers in the same run, one with the extension and one without,
 * loading in alternation (A B B A ...) so that drift of the machine falls on
 * both alike. The figure per load is `loadEventEnd` of the Navigation Timing
 * entry (milliseconds from the start of the navigation). The page is on a host
 * no list knows, so the content script does all it does on an ordinary site.
 */
import { median } from '../measure';
import type { BenchRow } from '../types';
import { benchBuild, withBrowser, withServer, type BenchPage, withMachineLoad } from './support';

const LOADS_PER_SIDE = 60;
const WARM_UP_LOADS = 3;
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

async function measure(): Promise<BenchRow[]> {
  const build = await benchBuild();
  return withServer((server) =>
    withBrowser(server.port, build.extensionDir, (withExtension) =>
      withBrowser(server.port, null, async (without) => {
        const ext = await withExtension.extensionPage();
        await ext.waitForStatus((status) => status.entryCount > 0, 'the bundled registry');
        const pageWith = await withExtension.newPage();
        const pageWithout = await without.newPage();
        for (let i = 0; i < WARM_UP_LOADS; i++) {
          await loadEventEnd(pageWith, `${PLAIN_PAGE}?warm-up=${i}`);
          await loadEventEnd(pageWithout, `${PLAIN_PAGE}?warm-up=${i}`);
        }
        const withTimes: number[] = [];
        const withoutTimes: number[] = [];
        for (let i = 0; i < LOADS_PER_SIDE; i++) {
          const url = `${PLAIN_PAGE}?load=${i}`;
          if (i % 2 === 0) {
            withTimes.push(await loadEventEnd(pageWith, url));
            withoutTimes.push(await loadEventEnd(pageWithout, url));
          } else {
            withoutTimes.push(await loadEventEnd(pageWithout, url));
            withTimes.push(await loadEventEnd(pageWith, url));
          }
        }
        return [
          {
            metric: 'page-load.median-ratio',
            label: `plain page load, with Qorgan vs without (median of ${LOADS_PER_SIDE} each)`,
            value: median(withTimes),
            unit: 'ms',
            peer: { name: 'without extension', value: median(withoutTimes) },
            target: { op: '<=', value: 1.03, on: 'ratio' },
            note: `loadEventEnd, A/B alternating; with ${median(withTimes).toFixed(2)} ms, without ${median(withoutTimes).toFixed(2)} ms; ${PLAIN_PAGE}`,
          },
        ];
      }),
    ),
  );
}
