import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { BANNER_SELECTOR } from '../support/pages';

const CORPUS = path.resolve(import.meta.dirname, '../../fixtures/corpus');

/** Waits until the page has been idle once after load: the detector runs in an idle callback. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.evaluate(
    () => new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve, 300), { timeout: 3_000 })),
  );
}

test('a homograph of a licensed brand and an exchanger page get their banners; news about exchanges gets none', async ({
  server,
  chromiumSession,
}) => {
  const news = [
    'en-news-top-exchanges-by-volume.html',
    'ru-news-afm-closed-exchangers.html',
    'kk-news-crypto-exchange-licence.html',
  ];
  news.forEach((file, i) => {
    const html = readFileSync(path.join(CORPUS, 'negative', file), 'utf8');
    server.route(`crypto-news-${i}.example/`, (_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html),
    );
  });
  const page = await chromiumSession.context.newPage();

  // bybіt.kz with a Cyrillic і (U+0456), as a browser shows it and as punycode.
  await page.goto('http://bybіt.kz/');
  expect(new URL(page.url()).hostname).toMatch(/^xn--/);
  await expect(page.locator(BANNER_SELECTOR)).toHaveAttribute('data-verdict', 'lookalike');

  await page.goto('http://example-exchange.kz/');
  await expect(page.locator(BANNER_SELECTOR)).toHaveAttribute('data-verdict', 'unregistered');

  for (let i = 0; i < news.length; i++) {
    await page.goto(`http://crypto-news-${i}.example/`);
    await settle(page);
    await expect(page.locator(BANNER_SELECTOR)).toHaveCount(0);
  }
});
