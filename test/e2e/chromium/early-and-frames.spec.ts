/**
 * Banners that no way of loading can delay or hide, in Chromium: a page whose
 * response never ends or whose parsing waits for a script that never comes,
 * a site that moves to a blob: of its own or writes into a blank window, a
 * wrapper that frames a warned site, and "Go back" past entries the site pushed.
 */
import { BANNER_SELECTOR, firstCoveredStrip, readBannerPlace, seenByHitTest } from '../support/banner-seen';
import { expect, test } from '../support/fixtures';
import { ChromiumBanner } from '../support/pages';
import { serveNeverEndingPage, serveStalledScriptPage } from '../support/still-loading';
import { moveToOwnBlob, serveSvgDocument, serveWrapper, writeBlankPopup } from '../support/wrapper';

test('a warned page gets its banner while its response never ends, or its last script never comes', async ({
  chromiumSession,
  server,
}) => {
  const page = await chromiumSession.context.newPage();
  const banner = new ChromiumBanner(page);
  // The first message after start-up waits for the background to load its registry.
  await page.goto('http://bybit.com/');
  await expect(banner.host).toHaveAttribute('data-verdict', 'warning', { timeout: 10_000 });
  for (const url of [serveNeverEndingPage(server), serveStalledScriptPage(server)]) {
    await page.goto(url, { waitUntil: 'commit' });
    await expect(banner.host, url).toHaveAttribute('data-verdict', 'warning');
    expect(await page.evaluate(() => document.readyState), url).toBe('loading');
  }
});

test('a warned site keeps its banner on a blob: of its own and in a blank window it writes', async ({
  chromiumSession,
}) => {
  const { context } = chromiumSession;
  const page = await context.newPage();
  const banner = new ChromiumBanner(page);
  await page.goto('http://bybit.com/');
  await expect(banner.host).toHaveAttribute('data-verdict', 'warning', { timeout: 10_000 });
  await page.evaluate(moveToOwnBlob);
  await page.waitForURL(/^blob:/);
  await expect(banner.host).toHaveAttribute('data-verdict', 'warning');

  await page.goto('http://bybit.com/');
  await expect(banner.host).toHaveAttribute('data-verdict', 'warning');
  const [popup] = await Promise.all([context.waitForEvent('page'), page.evaluate(writeBlankPopup)]);
  await expect(popup.getByRole('heading', { name: 'Trade in a popup' })).toBeVisible();
  await expect(new ChromiumBanner(popup).host).toHaveAttribute('data-verdict', 'warning');
});

test('a wrapper on no list that frames a warned site gets the banner in its top frame, naming the site', async ({
  chromiumSession,
  server,
}) => {
  const page = await chromiumSession.context.newPage();
  const banner = new ChromiumBanner(page);
  await page.goto(serveWrapper(server, 'http://bybit.com/'));
  await expect(banner.host).toHaveAttribute('data-verdict', 'warning', { timeout: 10_000 });
  expect(await banner.text()).toContain('This page shows bybit.com inside it.');
  expect((await banner.state()).count).toBe(1);
  // Only the top frame shows it.
  const framed = page.frames().find((frame) => frame !== page.mainFrame());
  expect(await framed?.evaluate(() => document.querySelectorAll('[data-qorgan-banner]').length)).toBe(0);
});

test('after five pushState entries, "Go back" leaves the site for the last page of another', async ({
  chromiumSession,
}) => {
  const page = await chromiumSession.context.newPage();
  const banner = new ChromiumBanner(page);
  // The banner shows that the background is up and hears every navigation that follows.
  await page.goto('http://bybit.com/');
  await expect(banner.host).toHaveAttribute('data-verdict', 'warning', { timeout: 10_000 });
  await page.goto('http://plain.example.org/');
  await page.goto('http://bybit.com/');
  await page.goto('http://bybit.com/en/');
  await expect(banner.host).toHaveAttribute('data-verdict', 'warning');
  await page.evaluate(() => {
    for (let i = 1; i <= 5; i++) history.pushState({}, '', `/trap/${i}`);
  });
  await banner.activate('Go back');
  await expect(page).toHaveURL(/^https?:\/\/plain\.example\.org\//);
});

test('an SVG document served by a warned site is judged like any page: its banner is seen at its place', async ({
  chromiumSession,
  server,
}) => {
  serveSvgDocument(server, 'bybit.com/chart.svg');
  const page = await chromiumSession.context.newPage();
  const banner = new ChromiumBanner(page);
  await page.goto('http://bybit.com/');
  await expect(banner.host).toHaveAttribute('data-verdict', 'warning', { timeout: 10_000 });
  const cdp = await chromiumSession.context.newCDPSession(page);
  const ourWorlds: string[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    if (context.origin.includes(chromiumSession.extensionId) || context.name === 'Qorgan')
      ourWorlds.push(context.name);
  });
  await cdp.send('Runtime.enable');
  await page.goto('http://bybit.com/chart.svg');
  expect(await page.evaluate(() => document.documentElement.localName)).toBe('svg');
  await expect.poll(() => ourWorlds.length).toBeGreaterThan(0);
  await expect(banner.host).toHaveAttribute('data-verdict', 'warning', { timeout: 10_000 });
  // Seen, not merely present: the top element at its points, and its own colour in a screenshot.
  await expect
    .poll(async () => seenByHitTest(await page.evaluate(readBannerPlace, BANNER_SELECTOR)))
    .toBe(true);
  const { viewportWidth } = await page.evaluate(readBannerPlace, BANNER_SELECTOR);
  expect(await firstCoveredStrip(viewportWidth, (clip) => page.screenshot({ clip }))).toBeNull();
});
