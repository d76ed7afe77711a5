/**
 * How soon the banner appears on a blocked site (https://coinbase.com/, blocked
 * in the bundled registry), measured in the page itself: a script that runs
 * before any of the page's own records `performance.now()` at DOMContentLoaded
 * and when a MutationObserver on the document first sees the banner host (`[data-qorgan-banner]`).
 * The figure is banner time minus DOMContentLoaded time (0 when the banner was
 * already there). Loads alternate between the two cases, so both see the same
 * machine: a warm worker, and a worker stopped (and checked stopped) just
 * before the navigation.
 */
import { percentile } from '../measure';
import type { BenchRow } from '../types';
import { benchBuild, sleep, withBrowser, withServer, type BenchPage, withMachineLoad } from './support';

const LOADS_PER_CASE = 50;
const BLOCKED_SITE = 'https://coinbase.com/';

const RECORDER = `(() => {
  const record = { dcl: null, banner: null, verdict: null };
  Object.defineProperty(window, '__qorganBannerBench', { value: record });
  document.addEventListener('DOMContentLoaded', () => { record.dcl = performance.now(); }, { once: true });
  const observer = new MutationObserver(() => {
    const banner = document.querySelector('[data-qorgan-banner]');
    if (!banner) return;
    record.banner = performance.now();
    record.verdict = banner.getAttribute('data-verdict');
    observer.disconnect();
  });
  observer.observe(document.documentElement ?? document, { childList: true, subtree: true });
})()`;

interface Observed {
  dcl: number | null;
  banner: number | null;
  verdict: string | null;
}

async function loadAndMeasure(page: BenchPage, url: string): Promise<number> {
  await page.navigate(url);
  const observed = await page.evaluate<Observed>(`new Promise((resolve) => {
    const record = window.__qorganBannerBench;
    const started = performance.now();
    const check = () => {
      if ((record.banner !== null && record.dcl !== null) || performance.now() - started > 5000) resolve(record);
      else setTimeout(check, 10);
    };
    check();
  })`);
  if (observed.dcl === null || observed.banner === null) {
    throw new Error(`no banner on ${url} within 5 s of load: ${JSON.stringify(observed)}`);
  }
  if (observed.verdict !== 'blocked')
    throw new Error(`the banner says ${observed.verdict}, expected blocked`);
  return Math.max(0, observed.banner - observed.dcl);
}

function rowsFor(kind: 'warm' | 'stopped', samples: number[], targetMs: number): BenchRow {
  const sorted = Float64Array.from(samples).sort();
  return {
    metric: `banner.${kind}.p95`,
    label: `banner after DOMContentLoaded, ${kind === 'warm' ? 'warm' : 'stopped'} worker (p95 of ${samples.length})`,
    value: percentile(sorted, 0.95),
    unit: 'ms',
    target: { op: '<=', value: targetMs },
    note: `median ${percentile(sorted, 0.5).toFixed(1)} ms, max ${percentile(sorted, 1).toFixed(1)} ms; ${BLOCKED_SITE}, bundled registry`,
  };
}

export function run(): Promise<BenchRow[]> {
  return withMachineLoad(measure);
}

async function measure(): Promise<BenchRow[]> {
  const build = await benchBuild();
  return withServer((server) =>
    withBrowser(server.port, build.extensionDir, async (browser) => {
      const ext = await browser.extensionPage();
      await ext.waitForStatus((status) => status.entryCount > 0, 'the bundled registry');
      const tab = await browser.newPage();
      await tab.send('Page.addScriptToEvaluateOnNewDocument', { source: RECORDER });
      // One load first, so the content script's code is cached as it is for anyone browsing.
      await loadAndMeasure(tab, `${BLOCKED_SITE}?warm-up`);

      const warm: number[] = [];
      const stopped: number[] = [];
      for (let load = 0; load < LOADS_PER_CASE; load++) {
        warm.push(await loadAndMeasure(tab, `${BLOCKED_SITE}?warm=${load}`));
        await ext.stopWorker(browser);
        await sleep(50);
        stopped.push(await loadAndMeasure(tab, `${BLOCKED_SITE}?stopped=${load}`));
      }
      return [rowsFor('warm', warm, 100), rowsFor('stopped', stopped, 300)];
    }),
  );
}
