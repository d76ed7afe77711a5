import { CHROME_EXTENSION_ID } from '../support/browsers';
import { expect, test } from '../support/fixtures';
import { BADGE_WALK, BANNER_SELECTOR } from '../support/pages';

test('loads with its fixed ID; the background is alive and the content script flags an exchanger page', async ({
  chromiumSession,
}) => {
  const { context, extensionId, worker } = chromiumSession;
  expect(extensionId).toBe(CHROME_EXTENSION_ID);
  expect(await worker.evaluate(() => chrome.runtime.getManifest().manifest_version)).toBe(3);

  const page = await context.newPage();
  await page.goto('http://example-exchange.kz/');
  await expect(page.locator(BANNER_SELECTOR)).toHaveAttribute('data-verdict', 'unregistered');
  const badgeOf = (host: string) =>
    worker.evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url });
      return tab?.id === undefined ? null : chrome.action.getBadgeText({ tabId: tab.id });
    }, `*://${host}/*`);
  await expect.poll(() => badgeOf('example-exchange.kz')).toBe('?');

  for (const [host, badge] of BADGE_WALK) {
    await page.goto(`http://${host}/`, { waitUntil: 'load' });
    await expect.poll(() => badgeOf(host), { message: host }).toBe(badge);
  }
});
