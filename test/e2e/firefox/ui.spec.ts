/**
 * What people see, in Firefox with the built extension and the bundled
 * registry: the banner per verdict and its defences, dismissal with undo in
 * options, and the popup's lookup. One browser session serves each test.
 */
import type { Page } from 'puppeteer-core';
import { expect, test } from '../support/fixtures';
import { serveStillLoadingPage } from '../support/still-loading';
import { openExtensionPage } from '../support/firefox';
import { FirefoxBanner, bannerControls, firefoxLookup } from '../support/pages';

const QUIET_MS = 1_500;

async function visit(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
}

async function bannerVerdicts(banner: FirefoxBanner, timeout = 2_000) {
  await banner.page
    .waitForFunction(() => document.querySelectorAll('[data-qorgan-banner]').length > 0, { timeout })
    .catch(() => undefined);
  return (await banner.state()).verdicts;
}

test('each warning verdict shows one banner, a still-loading page too; licensed and unknown none; removed or forged banners change nothing', async ({
  firefoxSession,
  server,
}) => {
  const page = await firefoxSession.browser.newPage();
  const banner = new FirefoxBanner(page);
  await visit(page, 'http://bybit.com/');
  expect(await bannerVerdicts(banner, 10_000)).toEqual(['warning']);

  for (const [url, verdict] of [
    ['https://coinbase.com/', 'blocked'],
    ['http://bybiit.kz/', 'lookalike'],
    ['http://example-exchange.kz/', 'unregistered'],
  ] as const) {
    await visit(page, url);
    expect(await bannerVerdicts(banner), url).toEqual([verdict]);
  }
  for (const url of ['http://bybit.kz/', 'http://plain.example.org/']) {
    await visit(page, url);
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    expect((await banner.state()).count, url).toBe(0);
  }

  await visit(page, 'http://bybit.com/');
  expect(await bannerVerdicts(banner)).toEqual(['warning']);
  await page.evaluate(() => document.querySelector('[data-qorgan-banner]')?.remove());
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect((await banner.state()).verdicts).toEqual(['warning']);

  await visit(page, 'http://forger.example/');
  await new Promise((resolve) => setTimeout(resolve, QUIET_MS + 500));
  expect((await banner.state()).count).toBe(0);

  // A warned site that hides our banner for about a second ends with our banner alone, or, if the
  // fight lasted long enough, on the extension's warning page with the site's verdict.
  await page.goto('http://trade.bybit.com/', { waitUntil: 'load' });
  await new Promise((resolve) => setTimeout(resolve, QUIET_MS + 500));
  const end = await page.evaluate(() =>
    location.href.includes('/blocked.html?')
      ? `warning page ${document.documentElement.getAttribute('data-tampered')} ${document.documentElement.getAttribute('data-verdict')}`
      : `banners ${Array.from(document.querySelectorAll('[data-qorgan-banner]'), (el) => el.getAttribute('data-verdict')).join(',')}`,
  );
  expect(['warning page true warning', 'banners warning']).toContain(end);

  await visit(page, 'http://bybit.com/');
  expect(await bannerVerdicts(banner)).toEqual(['warning']);
  const style = await page.evaluate(() => {
    const host = document.querySelector('[data-qorgan-banner]') as HTMLElement;
    const computed = getComputedStyle(host);
    return {
      display: computed.display,
      zIndex: computed.zIndex,
      height: host.getBoundingClientRect().height,
    };
  });
  expect(style.display).toBe('block');
  expect(style.zIndex).toBe('2147483647');
  expect(style.height).toBeGreaterThan(20);

  // A banner page gets its banner while it still waits three seconds for an image.
  const stillLoading = serveStillLoadingPage(server);
  await page.goto(stillLoading, { waitUntil: 'domcontentloaded' });
  expect(await bannerVerdicts(banner, 1_500)).toEqual(['warning']);
  expect(await page.evaluate(() => document.readyState)).not.toBe('complete');
});

test('dismissal holds for the site, undo in options brings the banner back; the popup answers lookups', async ({
  firefoxSession,
}) => {
  const page = await firefoxSession.browser.newPage();
  const banner = new FirefoxBanner(page);
  await visit(page, 'http://bybit.com/');
  expect(await bannerVerdicts(banner, 10_000)).toEqual(['warning']);
  // Dismiss counts only on a banner that has stayed put a moment: a person reads before clicking.
  await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
  await banner.activate(bannerControls({ licensedLink: true, dismiss: true }), 'Dismiss');
  await page.waitForFunction(() => document.querySelectorAll('[data-qorgan-banner]').length === 0);
  await page.reload({ waitUntil: 'load' });
  await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
  expect((await banner.state()).count).toBe(0);

  const options = await openExtensionPage(firefoxSession, 'options.html');
  await options.waitForSelector('[data-testid="dismissed-sites"] li[data-host="bybit.com"] button');
  await options.click('[data-testid="dismissed-sites"] li[data-host="bybit.com"] button');
  await options.waitForFunction(() => !document.querySelector('li[data-host="bybit.com"]'));

  await visit(page, 'http://bybit.com/');
  expect(await bannerVerdicts(banner)).toEqual(['warning']);

  const popup = await openExtensionPage(firefoxSession, 'popup.html');
  await popup.waitForSelector('[data-testid="registry-status"][data-source="bundled"]');
  for (const [query, verdict] of [
    ['bybit.kz', 'licensed'],
    ['coinbase.com', 'blocked'],
    ['bybit.com', 'warning'],
    ['plain.example.org', 'unknown'],
    ['https://www.bybit.kz/en/trade/spot?symbol=BTCUSDT', 'licensed'],
    ['https://coinbase.com/signup', 'blocked'],
  ] as const) {
    expect(await firefoxLookup(popup, query), query).toBe(verdict);
  }
});
