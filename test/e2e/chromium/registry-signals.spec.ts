/**
 * The registry's newer signals in Chromium, from a bundled snapshot the test writes: a licence
 * that ended (before today, and today), the reason of each warning and blocked entry, lookalikes
 * of a `brands` brand and of warned and blocked brands, the brands' own sites left alone, and the
 * popup's freshness and licence lines for a registry past its expiry.
 */
import { withBundledRegistry, type ExtensionCopy } from '../support/bundled-copy';
import { CHROME_BUILD } from '../support/browsers';
import { launchChromium, type ChromiumSession } from '../support/chromium';
import { expect, test } from '../support/fixtures';
import { ChromiumBanner, PopupPage } from '../support/pages';
import { LOOKALIKE_HOSTS, QUIET_HOSTS, REASON_HOSTS, signalsRegistry } from '../support/signals-registry';

/** How long a page with no warning is watched before "no banner" is believed. */
const QUIET_MS = 1_500;

let copy: ExtensionCopy;
let session: ChromiumSession | undefined;

test.beforeAll(() => {
  copy = withBundledRegistry(CHROME_BUILD, signalsRegistry());
});
test.afterAll(() => copy.remove());
test.afterEach(async () => {
  await session?.close();
  session = undefined;
});

test('the banner carries data-reason for an ended licence and for each reason, and says it in words', async ({
  server,
}) => {
  session = await launchChromium(server.port, { extensionDir: copy.dir });
  const page = await session.context.newPage();
  const banner = new ChromiumBanner(page);
  for (const [host, verdict, reason] of REASON_HOSTS) {
    await page.goto(`http://${host}/`, { waitUntil: 'load' });
    await expect(banner.host, host).toHaveAttribute('data-verdict', verdict, { timeout: 10_000 });
    await expect(banner.host, host).toHaveAttribute('data-reason', reason);
    expect(await banner.signals(), host).toEqual([{ verdict, reason }]);
    if (host === 'intebix.kz') {
      expect(await banner.text()).toContain('The AFSA licence of Intebix Ltd ended on 1 September 2026.');
    }
    if (host === 'odd.example.kz') {
      expect(await banner.text()).toContain('Blocked by the Agency for Financial Monitoring');
    }
  }
});

test('a lookalike of a brands brand, of a warned brand and of a blocked one names what it imitates; their own sites get no banner', async ({
  server,
}) => {
  session = await launchChromium(server.port, { extensionDir: copy.dir });
  const page = await session.context.newPage();
  const banner = new ChromiumBanner(page);
  for (const [host, imitates] of LOOKALIKE_HOSTS) {
    await page.goto(`http://${host}/`, { waitUntil: 'load' });
    await expect(banner.host, host).toHaveAttribute('data-verdict', 'lookalike', { timeout: 10_000 });
    await expect(banner.host, host).toHaveAttribute('data-imitates', imitates);
    expect(await banner.signals(), host).toEqual([{ verdict: 'lookalike', imitates }]);
  }
  await page.goto('http://bitget-login.com/', { waitUntil: 'load' });
  await expect(banner.host).toHaveAttribute('data-imitates', 'bitget.com');
  expect(await banner.text()).toContain('Imitates bitget.com — named in an AFSA warning');

  for (const host of QUIET_HOSTS) {
    await page.goto(`http://${host}/`, { waitUntil: 'load' });
    await page.waitForTimeout(QUIET_MS);
    expect((await banner.state()).count, host).toBe(0);
  }
});

test('the lookup result carries the same signals; the popup shows a licence ending soon and an out-of-date registry', async ({
  server,
}) => {
  session = await launchChromium(server.port, { extensionDir: copy.dir });
  const popup = await PopupPage.open(session.context);
  await expect(popup.registryStatus).toHaveAttribute('data-version', '900', { timeout: 10_000 });
  await expect(popup.registryStatus).toHaveAttribute('data-source', 'bundled');
  await expect(popup.page.getByTestId('registry-stale')).toContainText('it may be out of date');
  await expect(popup.page.getByTestId('registry-retrieved')).toContainText('AFSA public register');
  await expect(popup.page.getByTestId('registry-issued')).toContainText('days ago');

  for (const [host, verdict, reason] of REASON_HOSTS) {
    await popup.lookup(host);
    await expect(popup.result, host).toHaveAttribute('data-verdict', verdict);
    await expect(popup.result, host).toHaveAttribute('data-reason', reason);
  }
  for (const [host, imitates] of LOOKALIKE_HOSTS) {
    await popup.lookup(`https://${host}/login`);
    await expect(popup.result, host).toHaveAttribute('data-verdict', 'lookalike');
    await expect(popup.result, host).toHaveAttribute('data-imitates', imitates);
    await expect(popup.result, host).not.toHaveAttribute('data-reason');
  }
  await popup.lookup('caspianex.kz');
  await expect(popup.result).toHaveAttribute('data-verdict', 'licensed');
  await expect(popup.result).not.toHaveAttribute('data-reason');
  await expect(popup.result.getByTestId('licence-ending')).toContainText('Licensed until');
  await popup.lookup('whitebit.kz');
  await expect(popup.result).toHaveAttribute('data-verdict', 'licensed');
  await expect(popup.result.getByTestId('licence-ending')).toHaveCount(0);
});
