/**
 * Link marks at the early moments, in Chromium: a results page loaded the moment the browser has
 * started, and one that was open before the extension was installed (driven through puppeteer-core,
 * whose pipe can install an extension into a running browser; Playwright's persistent context
 * cannot). Either is marked without a reload.
 */
import puppeteer from 'puppeteer-core';
import { CHROME_BUILD, chromiumPath } from '../support/browsers';
import { chromiumArgs, launchChromium, type ChromiumSession } from '../support/chromium';
import { expect, test } from '../support/fixtures';
import { readLinkMarks } from '../support/link-pages';

let session: ChromiumSession | undefined;

test.afterEach(async () => {
  await session?.close();
  session = undefined;
});

test('a results page loaded the moment the browser has started gets its marks without a reload', async ({
  server,
}) => {
  session = await launchChromium(server.port);
  const page = await session.context.newPage();
  await page.goto('https://www.google.com/search?q=купить+USDT');
  const loads: string[] = [];
  page.on('load', () => loads.push(page.url()));
  await expect
    .poll(async () => (await page.evaluate(readLinkMarks)).byLink.blocked, { timeout: 15_000 })
    .toBe('blocked');
  expect(loads).toEqual([]);
});

test('a results page open before the extension is installed gets its marks without a reload', async ({
  server,
}) => {
  const browser = await puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    pipe: true,
    enableExtensions: true,
    args: [...chromiumArgs(server.port, null), '--enable-unsafe-extension-debugging'],
  });
  try {
    const page = await browser.newPage();
    await page.goto('https://www.google.com/search?q=купить+USDT', { waitUntil: 'load' });
    const loads: string[] = [];
    page.on('load', () => loads.push(page.url()));
    expect((await page.evaluate(readLinkMarks)).marks).toBe(0);
    await browser.installExtension(CHROME_BUILD);
    await expect
      .poll(async () => (await page.evaluate(readLinkMarks)).byLink.blocked, { timeout: 15_000 })
      .toBe('blocked');
    expect(loads).toEqual([]);
  } finally {
    await browser.close();
  }
});
