/**
 * Banners that no way of loading can delay or hide, in Firefox: a page whose
 * response never ends or whose parsing waits for a script that never comes,
 * a site that moves to a blob: of its own or writes into a blank window, a
 * wrapper that frames a warned site, a framed site in block mode, an SVG
 * document of a warned site, and "Go back" past entries the site pushed.
 */
import type { Browser, Page } from 'puppeteer-core';
import { BANNER_SELECTOR, firstCoveredStrip, readBannerPlace, seenByHitTest } from '../support/banner-seen';
import { expect, test } from '../support/fixtures';
import { launchFirefox } from '../support/firefox';
import { managedHome } from '../support/managed-home';
import { FirefoxBanner, bannerControls } from '../support/pages';
import { serveNeverEndingPage, serveStalledScriptPage } from '../support/still-loading';
import { moveToOwnBlob, serveSvgDocument, serveWrapper, writeBlankPopup } from '../support/wrapper';

/** Starts a navigation without waiting for an event the page may never reach. */
function open(page: Page, url: string): void {
  page.goto(url, { waitUntil: [] as never }).catch(() => undefined);
}

/** The page's address once it matches, read from the page (Firefox may move the tab to another process). */
async function addressMatching(page: Page, pattern: RegExp, timeout = 10_000): Promise<string> {
  const deadline = Date.now() + timeout;
  let seen = '';
  while (Date.now() < deadline) {
    seen = await page.evaluate(() => location.href).catch(() => page.url());
    if (pattern.test(seen)) return seen;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the page stayed at ${seen}, not ${pattern}`);
}

async function newPageAfter(browser: Browser, before: Page[]): Promise<Page> {
  for (let i = 0; i < 100; i++) {
    const added = (await browser.pages()).find((page) => !before.includes(page));
    if (added) return added;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('no window opened');
}

test('a warned page gets its banner while its response never ends, or its last script never comes', async ({
  firefoxSession,
  server,
}) => {
  const page = await firefoxSession.browser.newPage();
  const banner = new FirefoxBanner(page);
  await page.goto('http://bybit.com/');
  // The first message after start-up waits for the background to load its registry.
  expect(await banner.verdicts(10_000)).toEqual(['warning']);
  for (const url of [serveNeverEndingPage(server), serveStalledScriptPage(server)]) {
    open(page, url);
    await addressMatching(page, new RegExp(url));
    expect(await banner.verdicts(), url).toEqual(['warning']);
    expect(await page.evaluate(() => document.readyState), url).toBe('loading');
  }
});

test('a warned site keeps its banner on a blob: of its own and in a blank window it writes', async ({
  firefoxSession,
}) => {
  const { browser } = firefoxSession;
  const page = await browser.newPage();
  const banner = new FirefoxBanner(page);
  await page.goto('http://bybit.com/');
  expect(await banner.verdicts(10_000)).toEqual(['warning']);
  await page.evaluate(moveToOwnBlob);
  await addressMatching(page, /^blob:http:\/\/bybit\.com\//);
  expect(await banner.verdicts()).toEqual(['warning']);

  await page.goto('http://bybit.com/');
  expect(await banner.verdicts()).toEqual(['warning']);
  // A real click, so that the browser lets the site open a window; clear of the banner at the top.
  await page.evaluate((source) => {
    const button = document.createElement('button');
    button.id = 'open-popup';
    button.textContent = 'Trade';
    button.style.cssText = 'position:fixed;bottom:10px;left:10px';
    button.addEventListener('click', new Function(`(${source})()`) as () => void);
    document.body.prepend(button);
  }, writeBlankPopup.toString());
  const before = await browser.pages();
  await page.click('#open-popup');
  const popup = await newPageAfter(browser, before);
  expect(await new FirefoxBanner(popup).verdicts()).toEqual(['warning']);
  expect(await popup.evaluate(() => document.querySelector('h1')?.textContent)).toBe('Trade in a popup');
});

test('a wrapper on no list that frames a warned site gets the banner in its top frame', async ({
  firefoxSession,
  server,
}) => {
  const page = await firefoxSession.browser.newPage();
  const banner = new FirefoxBanner(page);
  await page.goto(serveWrapper(server, 'http://bybit.com/'));
  expect(await banner.verdicts(10_000)).toEqual(['warning']);
  const framed = page.frames().find((frame) => frame !== page.mainFrame());
  expect(await framed?.evaluate(() => document.querySelectorAll('[data-qorgan-banner]').length)).toBe(0);
});

test('after five pushState entries, "Go back" leaves the site for the last page of another', async ({
  firefoxSession,
}) => {
  const page = await firefoxSession.browser.newPage();
  const banner = new FirefoxBanner(page);
  // The banner shows that the background is up and hears every navigation that follows.
  await page.goto('http://bybit.com/');
  expect(await banner.verdicts(10_000)).toEqual(['warning']);
  await page.goto('http://plain.example.org/');
  await page.goto('http://bybit.com/');
  await page.goto('http://bybit.com/en/');
  expect(await banner.verdicts()).toEqual(['warning']);
  await page.evaluate(() => {
    for (let i = 1; i <= 5; i++) history.pushState({}, '', `/trap/${i}`);
  });
  await banner.activate(bannerControls({ licensedLink: true, dismiss: true }), 'Go back');
  await addressMatching(page, /^http:\/\/plain\.example\.org\//);
});

test('block mode without bypass: a blocked site framed by a wrapper does not load; the tab shows the block page', async ({
  server,
}) => {
  const home = managedHome({ blockMode: 'block', allowBypass: false });
  const session = await launchFirefox(server.port, { home: home.home });
  try {
    const page = await session.browser.newPage();
    // The policy is in force once a blocked site itself goes to the block page.
    open(page, 'https://coinbase.com/');
    await addressMatching(page, /\/blocked\.html\?url=https%3A%2F%2Fcoinbase\.com%2F/, 15_000);
    const wrapper = await session.browser.newPage();
    open(wrapper, serveWrapper(server, 'https://coinbase.com/trade'));
    const blocked = await addressMatching(wrapper, /\/blocked\.html\?/);
    expect(new URL(blocked).searchParams.get('url')).toBe('https://coinbase.com/trade');
    expect(await wrapper.evaluate(() => document.querySelectorAll('iframe').length)).toBe(0);
  } finally {
    await session.close();
    home.remove();
  }
});

test('an SVG document served by a warned site ends with its banner seen, or on the extension’s warning page', async ({
  firefoxSession,
  server,
}) => {
  serveSvgDocument(server, 'bybit.com/chart.svg');
  const page = await firefoxSession.browser.newPage();
  const banner = new FirefoxBanner(page);
  await page.goto('http://bybit.com/');
  expect(await banner.verdicts(10_000)).toEqual(['warning']);
  open(page, 'http://bybit.com/chart.svg');
  // Firefox paints no top layer in an SVG document: the banner cannot be seen there, which the
  // banner's own check finds, and the tab goes to the warning page the site cannot touch, which
  // says that the document could not show the warning (not that the site fought it).
  let ended = '';
  for (let i = 0; i < 100 && ended === ''; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const address = await page.evaluate(() => location.href).catch(() => '');
    if (/\/blocked\.html\?/.test(address)) ended = address;
    else if (address.endsWith('/chart.svg')) {
      const place = await page.evaluate(readBannerPlace, BANNER_SELECTOR).catch(() => null);
      if (place && seenByHitTest(place)) ended = 'seen';
    }
  }
  if (ended === 'seen') {
    const { viewportWidth } = await page.evaluate(readBannerPlace, BANNER_SELECTOR);
    expect(await firstCoveredStrip(viewportWidth, (clip) => page.screenshot({ clip }))).toBeNull();
    return;
  }
  const params = new URL(ended).searchParams;
  expect([params.get('url'), params.get('verdict'), params.get('tampered'), params.get('cause')]).toEqual([
    'http://bybit.com/chart.svg',
    'warning',
    '1',
    'unpaintable',
  ]);
  await expect
    .poll(() => page.evaluate(() => document.documentElement.getAttribute('data-tampered')))
    .toBe('true');
  await expect
    .poll(() => page.evaluate(() => document.querySelector('h1')?.textContent ?? ''))
    .toBe('Qorgan could not show its warning on this page');
});
