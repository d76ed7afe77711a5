/**
 * Link marks in Firefox, on results pages and a web messenger served at their real host names,
 * with a test registry that has one site per verdict and a blocked Telegram bot. (The count of
 * messages a rewriting page causes is read in Chromium, whose worker a test can reach.)
 */
import type { Page } from 'puppeteer-core';
import { FIREFOX_BUILD } from '../support/browsers';
import { launchFirefox, type FirefoxSession } from '../support/firefox';
import { expect, test } from '../support/fixtures';
import {
  EXPECTED_MARKS,
  LATER_LINKS,
  addLaterLinks,
  readLinkMarks,
  serveManyLinks,
} from '../support/link-pages';
import { FirefoxBanner } from '../support/pages';
import { LINK_REGISTRY, buildWithRegistry, type RegistryBuild } from '../support/registry-build';

let build: RegistryBuild;
let session: FirefoxSession;

test.beforeEach(async ({ server }) => {
  build = buildWithRegistry(FIREFOX_BUILD, LINK_REGISTRY);
  session = await launchFirefox(server.port, { extensionDir: build.dir });
});

test.afterEach(async () => {
  await session.close();
  build.remove();
});

async function marksOn(page: Page, count: number) {
  await page.waitForFunction(
    (n) => document.getElementsByTagName('qorgan-mark').length === n,
    { timeout: 10_000 },
    count,
  );
  return page.evaluate(readLinkMarks);
}

async function asks(page: Page, count: number) {
  await page.waitForFunction(
    (n) => document.querySelectorAll('div[data-qorgan-ask]').length === n,
    { timeout: 5_000 },
    count,
  );
}

test('marks exactly the listed targets of Google and Yandex results; the blocked one asks first', async ({
  server,
}) => {
  server.route('www.google.com/url', (_req, res, url) => {
    res.writeHead(302, { location: url.searchParams.get('q') ?? '/' }).end();
  });
  const page = await session.browser.newPage();
  await page.goto('https://www.google.com/search?q=купить+USDT', { waitUntil: 'load' });
  const google = await marksOn(page, 4);
  for (const [id, verdict] of Object.entries(EXPECTED_MARKS)) expect(google.byLink[id], id).toBe(verdict);
  for (const id of ['script', 'data', 'relative', 'unparsed']) expect(google.byLink[id], id).toBeNull();

  // The link marks' code also sweeps forged banner hosts, as every other loaded page gets.
  const forged = () => page.evaluate(() => document.querySelectorAll('[data-qorgan-banner]').length);
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<div data-qorgan-banner></div>'));
  await expect.poll(forged).toBe(0);

  // Results added later (infinite scroll) are marked too, asked about from the page's own world.
  await page.evaluate(addLaterLinks, LATER_LINKS.results);
  await marksOn(page, 5);
  const later = await page.evaluate(readLinkMarks);
  expect(later.byLink['later-blocked']).toBe('blocked');
  expect(later.byLink['later-ordinary']).toBeNull();

  const results = page.url();
  await page.click('#blocked');
  await asks(page, 1);
  await page.keyboard.press('Enter');
  await asks(page, 0);
  expect(page.url()).toBe(results);

  await page.click('#blocked');
  await asks(page, 1);
  await page.keyboard.press('Tab');
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
  expect(page.url()).toBe('https://coinbase.com/buy');
  await expect.poll(async () => (await new FirefoxBanner(page).state()).verdicts).toEqual(['blocked']);

  await page.goto('https://yandex.kz/search/?text=купить+USDT', { waitUntil: 'load' });
  const yandex = await marksOn(page, 5);
  for (const [id, verdict] of Object.entries(EXPECTED_MARKS)) expect(yandex.byLink[id], id).toBe(verdict);
  expect(yandex.byLink.bot).toBe('blocked');
});

test('Telegram Web: the banner of a blocked bot comes with its chat and goes with it', async () => {
  const page = await session.browser.newPage();
  const banner = new FirefoxBanner(page);
  const bannerCount = (n: number) => expect.poll(async () => (await banner.state()).count).toBe(n);
  await page.goto('https://web.telegram.org/k/#-1001234567890', { waitUntil: 'load' });
  const marks = await marksOn(page, 3);
  expect(marks.byLink.bot).toBe('blocked');
  expect((await banner.state()).count).toBe(0);
  // A new message's link is marked as it comes.
  await page.evaluate(addLaterLinks, LATER_LINKS.messenger);
  await marksOn(page, 4);
  expect((await page.evaluate(readLinkMarks)).byLink['later-blocked']).toBe('blocked');

  await page.evaluate(() => (location.hash = '@obmen_kzt_bot'));
  await bannerCount(1);
  expect((await banner.state()).verdicts).toEqual(['blocked']);
  await page.evaluate(() => (location.hash = '-1001234567890'));
  await bannerCount(0);
  await page.evaluate(() => (location.hash = `@obmen_kzt_bot?x=${'a'.repeat(10_000)}`));
  await bannerCount(1);
});

test('bad input: a results page with 5,000 links gets exactly its blocked links marked', async ({
  server,
}) => {
  const page = await session.browser.newPage();
  await page.goto(serveManyLinks(server, 5_000, 1_000, 1_000), { waitUntil: 'load' });
  const many = await marksOn(page, 5);
  expect(many.markedLinks).toBe(5);
  for (const id of ['l999', 'l1999', 'l2999', 'l3999', 'l4999']) expect(many.byLink[id], id).toBe('blocked');
  // The later marks are copies of the first: each draws its sign from its own closed shadow root
  // (a host without one would have no width at all).
  const widths = await page.evaluate(() =>
    Array.from(document.getElementsByTagName('qorgan-mark'), (mark) => mark.getBoundingClientRect().width),
  );
  expect(widths).toHaveLength(5);
  for (const width of widths) expect(width).toBe(widths[0]);
  expect(widths[0]).toBeGreaterThanOrEqual(16);
});
