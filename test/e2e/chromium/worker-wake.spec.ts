/**
 * A stopped worker, woken by what happens next, in Chromium: the browser stops an idle extension
 * worker after seconds, so the navigations, page events and lookups that matter most often find it
 * stopped. Each test stops it at another moment and expects the same end as with a running one:
 * exactly one banner, seen, on a warned page, the right answer in the popup, and a search page's
 * later links marked.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { BANNER_SELECTOR, readBannerPlace, seenByHitTest } from '../support/banner-seen';
import { expect, test } from '../support/fixtures';
import type { FixtureServer } from '../support/fixture-server';
import { LATER_LINKS, addLaterLinks, readLinkMarks } from '../support/link-pages';
import { ChromiumBanner, PopupPage } from '../support/pages';
import { WorkerControl } from '../support/stop-worker';

/** The page has settled: any second banner or late removal would have happened by now. */
const SETTLE_MS = 1_500;

/**
 * Serves a page of bybit.com (a warned site in the bundled registry) whose response waits for
 * `release()`: before its headers (`at: 'headers'`) or after the first part of its body
 * (`at: 'body'`).
 */
function serveHeldPage(server: FixtureServer, at: 'headers' | 'body') {
  let release = () => undefined as void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let requested = () => undefined as void;
  const request = new Promise<void>((resolve) => (requested = resolve));
  server.route(`bybit.com/held-${at}`, (_req, res) => {
    requested();
    const head = () =>
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    const start = `<!doctype html><title>Trade</title><h1>Trade</h1><p>${'Buy and sell. '.repeat(100)}</p>`;
    if (at === 'body') {
      head();
      res.write(start);
    }
    void released.then(() => {
      if (at === 'headers') head();
      res.end(at === 'headers' ? `${start}<p>The rest.</p>` : '<p>The rest.</p>');
    });
  });
  return { url: `http://bybit.com/held-${at}`, request, release };
}

/** The registry is loaded and a warned page has had its banner, with the worker running. */
async function warmUp(context: BrowserContext): Promise<void> {
  const warm = await context.newPage();
  await warm.goto('http://bybit.com/');
  await expect(new ChromiumBanner(warm).host).toHaveAttribute('data-verdict', 'warning', { timeout: 10_000 });
  await warm.close();
}

async function expectOneSeenBanner(page: Page): Promise<void> {
  const banner = new ChromiumBanner(page);
  await expect(banner.host).toHaveAttribute('data-verdict', 'warning', { timeout: 10_000 });
  await page.waitForLoadState('load');
  await page.waitForTimeout(SETTLE_MS);
  expect((await banner.state()).count).toBe(1);
  expect(seenByHitTest(await page.evaluate(readBannerPlace, BANNER_SELECTOR))).toBe(true);
}

/** Exactly one banner, seen, as with a worker that never stopped; and the worker runs again. */
async function endsAsIfNeverStopped(page: Page, workers: WorkerControl): Promise<void> {
  await expectOneSeenBanner(page);
  expect(workers.running).toBe(true);
  await workers.close();
}

test('a worker stopped before a navigation is woken by it: the warned page gets exactly one banner', async ({
  chromiumSession,
}) => {
  const { context } = chromiumSession;
  await warmUp(context);

  const workers = await WorkerControl.open(context);
  await workers.stop();
  const page = await context.newPage();
  await page.goto('http://bybit.com/');
  await endsAsIfNeverStopped(page, workers);
});

test('a worker stopped while a warned page waits for its response is woken by its commit', async ({
  chromiumSession,
  server,
}) => {
  const { context } = chromiumSession;
  await warmUp(context);

  const workers = await WorkerControl.open(context);
  const held = serveHeldPage(server, 'headers');
  const page = await context.newPage();
  const navigation = page.goto(held.url);
  await held.request;
  await workers.stop();
  held.release();
  await navigation;
  await endsAsIfNeverStopped(page, workers);
});

test('a worker stopped after a warned page committed is woken by its later events; the banner stays one', async ({
  chromiumSession,
  server,
}) => {
  const { context } = chromiumSession;
  const workers = await WorkerControl.open(context);
  const held = serveHeldPage(server, 'body');
  const page = await context.newPage();
  const banner = new ChromiumBanner(page);
  await page.goto(held.url, { waitUntil: 'commit' });
  // The banner comes while the page is still loading, from the commit.
  await expect(banner.host).toHaveAttribute('data-verdict', 'warning', { timeout: 10_000 });
  expect(await page.evaluate(() => document.readyState)).toBe('loading');
  await workers.stop();
  held.release();
  // The page's DOMContentLoaded and load woke the worker again.
  await endsAsIfNeverStopped(page, workers);
});

test('a lookup in the popup wakes a stopped worker and gets its answer', async ({ chromiumSession }) => {
  const { context } = chromiumSession;
  const popup = await PopupPage.open(context);
  await popup.lookup('bybit.kz');
  await expect(popup.result).toHaveAttribute('data-verdict', 'licensed', { timeout: 10_000 });
  const workers = await WorkerControl.open(context);
  await workers.stop();
  await popup.lookup('coinbase.com');
  await expect(popup.result).toHaveAttribute('data-verdict', 'blocked', { timeout: 10_000 });
  expect(workers.running).toBe(true);
  await workers.close();
});

test("a search page's later links wake a stopped worker through their question and get their marks", async ({
  chromiumSession,
}) => {
  const { context } = chromiumSession;
  await warmUp(context);
  const page = await context.newPage();
  await page.goto('https://www.google.com/search?q=купить+USDT');
  // The page's first links are marked (the blocked one to coinbase.com, blocked in the bundled registry).
  const markOf = (id: string) => page.evaluate(readLinkMarks).then(({ byLink }) => byLink[id]);
  await expect.poll(() => markOf('blocked'), { timeout: 10_000 }).toBe('blocked');
  const workers = await WorkerControl.open(context);
  await workers.stop();
  await page.evaluate(addLaterLinks, LATER_LINKS.results);
  await expect.poll(() => markOf('later-blocked'), { timeout: 10_000 }).toBe('blocked');
  expect(await markOf('later-ordinary')).toBeNull();
  expect(workers.running).toBe(true);
  await workers.close();
});
