import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { BANNER_SELECTOR } from '../support/pages';

const REAL = path.resolve(import.meta.dirname, '../../fixtures/corpus-real/exchanger');

/** Waits until the page has been idle once after load: the detector runs in an idle callback. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.evaluate(
    () => new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve, 300), { timeout: 3_000 })),
  );
}

test('an exchanger’s rules page that names no crypto-asset gets its banner; a central bank’s FAQ on exchange offices gets none', async ({
  server,
  chromiumSession,
}) => {
  const pages = [
    { file: 'positive/en-flymoney-rules.html', key: 'flymoney.biz/en/pravila-rabotyi-s-zayavkoy/' },
    { file: 'negative/ru-cbu-faq.html', key: 'www.cbu.uz/ru/services/question_answer/3479/' },
  ];
  for (const { file, key } of pages) {
    const html = readFileSync(path.join(REAL, file), 'utf8');
    server.route(key, (_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html),
    );
  }
  const page = await chromiumSession.context.newPage();

  await page.goto('http://flymoney.biz/en/pravila-rabotyi-s-zayavkoy/');
  await expect(page.locator(BANNER_SELECTOR)).toHaveAttribute('data-verdict', 'unregistered');

  await page.goto('http://www.cbu.uz/ru/services/question_answer/3479/');
  await settle(page);
  await expect(page.locator(BANNER_SELECTOR)).toHaveCount(0);
});
