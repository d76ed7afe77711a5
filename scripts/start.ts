/**
 * `npm start`: builds the extension and shows its main job. It loads the
 * Chrome build into Chromium, visits demo sites (every host is served
 * locally, nothing goes to the internet) and prints what Qorgan says of each.
 * With a display the browser stays open for you to click around; without one
 * it runs headless, prints the verdicts and leaves the installable zips in
 * .output/.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROME_BUILD, chromiumPath } from '../test/e2e/support/browsers';
import { chromiumArgs } from '../test/e2e/support/chromium';
import { FixtureServer } from '../test/e2e/support/fixture-server';

const DEMO_SITES = [
  ['http://bybit.kz/', 'licensed by the AFSA'],
  ['http://bybit.com/', 'the brand’s global platform, not the licensed one'],
  ['https://coinbase.com/', 'blocked in Kazakhstan'],
  ['http://bybіt.kz/', 'a homograph of bybit.kz (Cyrillic і)'],
  ['http://example-exchange.kz/', 'an exchanger on no list'],
  ['http://news.example.kz/', 'a news article about crypto'],
] as const;

function run(command: string, args: string[]): void {
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}

async function main(): Promise<void> {
  run('npx', ['wxt', 'build']);
  run('npx', ['wxt', 'zip']);
  run('npx', ['wxt', 'zip', '-b', 'firefox']);

  const headless = !process.env.DISPLAY || process.env.CI === 'true';
  const server = new FixtureServer();
  const port = await server.start();
  const profile = mkdtempSync(path.join(tmpdir(), 'qorgan-demo-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless,
    args: chromiumArgs(port, CHROME_BUILD),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  console.log(`\nQorgan ${extensionId} loaded. What it says of each demo site:\n`);

  for (const [url, what] of DEMO_SITES) {
    const page = await context.newPage();
    await page.goto(url);
    const banner = page.locator('[data-qorgan-banner]');
    const verdict = await banner.getAttribute('data-verdict', { timeout: 2_000 }).catch(() => null);
    const badge = await worker.evaluate(async (href) => {
      const tabs = await chrome.tabs.query({});
      const tab = tabs.find((candidate) => candidate.url === href);
      return tab?.id === undefined ? '' : chrome.action.getBadgeText({ tabId: tab.id });
    }, page.url());
    console.log(
      `  ${url.padEnd(32)} ${(verdict ? `banner: ${verdict}` : 'no banner').padEnd(22)} badge: ${badge || '—'}   (${what})`,
    );
    if (headless) await page.close();
  }

  if (headless) {
    await context.close();
    await server.stop();
    rmSync(profile, { recursive: true, force: true });
    console.log('\nInstallable builds: .output/chrome-mv3/ (load unpacked) and the zips in .output/.');
    return;
  }
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  console.log(
    '\nThe browser stays open with the demo sites and the popup. Close it or press Ctrl+C to stop.',
  );
  await new Promise<void>((resolve) => context.on('close', () => resolve()));
  await server.stop();
  rmSync(profile, { recursive: true, force: true });
}

await main();
