/**
 * The registry's newer signals in Firefox, from a bundled snapshot the test writes: a licence
 * that ended, the reason of each warning and blocked entry, lookalikes of a `brands` brand and of
 * warned and blocked brands, the brands' own sites left alone, and the lookup result's signals.
 */
import type { Page } from 'puppeteer-core';
import { withBundledRegistry, type ExtensionCopy } from '../support/bundled-copy';
import { FIREFOX_BUILD } from '../support/browsers';
import { launchFirefox, openExtensionPage, type FirefoxSession } from '../support/firefox';
import { expect, test } from '../support/fixtures';
import { FirefoxBanner, firefoxLookup } from '../support/pages';
import { LOOKALIKE_HOSTS, QUIET_HOSTS, REASON_HOSTS, signalsRegistry } from '../support/signals-registry';

const QUIET_MS = 1_500;

let copy: ExtensionCopy;
let session: FirefoxSession | undefined;

test.beforeAll(() => {
  copy = withBundledRegistry(FIREFOX_BUILD, signalsRegistry());
});
test.afterAll(() => copy.remove());
test.afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** The banner hosts' data attributes once they are what `expected` says, or as they are at the timeout. */
async function signalsOf(banner: FirefoxBanner, expected: Record<string, string>[], timeout = 3_000) {
  const deadline = Date.now() + timeout;
  let signals = await banner.signals();
  while (JSON.stringify(signals) !== JSON.stringify(expected) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    signals = await banner.signals();
  }
  return signals;
}

async function visit(page: Page, host: string): Promise<void> {
  await page.goto(`http://${host}/`, { waitUntil: 'load' });
}

async function lookupSignals(popup: Page, query: string) {
  const verdict = await firefoxLookup(popup, query);
  const rest = await popup.evaluate(() => {
    const result = document.querySelector<HTMLElement>('[data-testid="lookup-result"]');
    return { reason: result?.dataset.reason ?? null, imitates: result?.dataset.imitates ?? null };
  });
  return { verdict, ...rest };
}

// Firefox loads each page of a long walk slowly on a busy machine.
test.describe.configure({ timeout: 150_000 });

test('banners carry data-reason for an ended licence and for each reason', async ({ server }) => {
  session = await launchFirefox(server.port, { extensionDir: copy.dir });
  const page = await session.browser.newPage();
  const banner = new FirefoxBanner(page);
  let first = true;
  for (const [host, verdict, reason] of REASON_HOSTS) {
    await visit(page, host);
    const expected = [{ verdict, reason }];
    expect(await signalsOf(banner, expected, first ? 10_000 : 3_000), host).toEqual(expected);
    first = false;
  }
});

test('lookalike banners carry data-imitates; the brands’ own sites get none', async ({ server }) => {
  session = await launchFirefox(server.port, { extensionDir: copy.dir });
  const page = await session.browser.newPage();
  const banner = new FirefoxBanner(page);
  let first = true;
  for (const [host, imitates] of LOOKALIKE_HOSTS) {
    await visit(page, host);
    const expected = [{ verdict: 'lookalike', imitates }];
    expect(await signalsOf(banner, expected, first ? 10_000 : 3_000), host).toEqual(expected);
    first = false;
  }
  for (const host of QUIET_HOSTS) {
    await visit(page, host);
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    expect((await banner.state()).count, host).toBe(0);
  }
});

test('the lookup result carries the same signals, and the popup says the registry may be out of date', async ({
  server,
}) => {
  session = await launchFirefox(server.port, { extensionDir: copy.dir });
  const popup = await openExtensionPage(session, 'popup.html');
  await popup.waitForSelector('[data-testid="registry-status"][data-version="900"]', { timeout: 10_000 });
  const stale = await popup.$eval('[data-testid="registry-stale"]', (element) => element.textContent);
  expect(stale).toContain('it may be out of date');

  for (const [host, verdict, reason] of REASON_HOSTS) {
    expect(await lookupSignals(popup, host), host).toEqual({ verdict, reason, imitates: null });
  }
  for (const [host, imitates] of LOOKALIKE_HOSTS) {
    expect(await lookupSignals(popup, host), host).toEqual({ verdict: 'lookalike', reason: null, imitates });
  }
  expect(await lookupSignals(popup, 'binance.com')).toEqual({
    verdict: 'unknown',
    reason: null,
    imitates: null,
  });
  expect(await lookupSignals(popup, 'caspianex.kz')).toEqual({
    verdict: 'licensed',
    reason: null,
    imitates: null,
  });
});
