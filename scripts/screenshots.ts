/**
 * Screenshots of what people see, from the built extension in real Chromium:
 * the banner for each verdict, the popup and the block page, in kk, ru and en.
 * Build first (`npm run build`); the pictures go to docs/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { CHROME_EXTENSION_ID, ROOT } from '../test/e2e/support/browsers';
import { launchChromium } from '../test/e2e/support/chromium';
import { FixtureServer } from '../test/e2e/support/fixture-server';

const OUT_DIR = path.join(ROOT, 'docs/screenshots');
const LANGUAGES = ['kk', 'ru', 'en'] as const;
const BANNERS = [
  ['blocked', 'https://coinbase.com/'],
  ['warning', 'http://bybit.com/'],
  ['lookalike', 'http://bybiit.kz/'],
  ['unregistered', 'http://example-exchange.kz/'],
] as const;
const extensionPage = (file: string) => `chrome-extension://${CHROME_EXTENSION_ID}/${file}`;

async function setLanguage(page: Page, language: string): Promise<void> {
  await page.goto(extensionPage('options.html'));
  const select = page.locator('#qorgan-language');
  await select.waitFor();
  await select.selectOption(language);
  await page.waitForTimeout(300);
}

async function main(): Promise<void> {
  mkdirSync(OUT_DIR, { recursive: true });
  const server = new FixtureServer();
  const port = await server.start();
  const session = await launchChromium(port);
  try {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1280, height: 720 });
    const shots: string[] = [];
    const shoot = async (name: string, target: Page = page) => {
      const file = path.join(OUT_DIR, `${name}.png`);
      await target.screenshot({ path: file });
      shots.push(path.relative(ROOT, file));
    };

    for (const language of LANGUAGES) {
      await setLanguage(page, language);
      for (const [verdict, url] of BANNERS) {
        await page.goto(url, { waitUntil: 'load' });
        await page
          .locator(`[data-qorgan-banner][data-verdict="${verdict}"]`)
          .waitFor({ state: 'attached', timeout: 15_000 });
        await page.waitForTimeout(400);
        await shoot(`banner-${verdict}-${language}`);
      }

      const popup = await session.context.newPage();
      await popup.setViewportSize({ width: 400, height: 760 });
      await popup.goto(extensionPage(`popup.html?url=${encodeURIComponent('bybit.kz')}`));
      await popup.getByTestId('lookup-result').waitFor();
      await popup.getByTestId('registry-status').waitFor();
      await shoot(`popup-${language}`, popup);
      await popup.close();

      await page.goto(extensionPage(`blocked.html?url=${encodeURIComponent('https://coinbase.com/')}`));
      await page.locator('.verdict').waitFor();
      await shoot(`blocked-page-${language}`);
    }
    await setLanguage(page, 'auto');
    console.log(`Wrote ${shots.length} screenshots:\n  ${shots.join('\n  ')}`);
  } finally {
    await session.close();
    await server.stop();
  }
}

await main();
