import { expect, test } from '../support/fixtures';
import { BADGE_WALK } from '../support/pages';
import { openExtensionPage } from '../support/firefox';

test('installs in Firefox; the background is alive and the content script flags an exchanger page', async ({
  firefoxSession,
}) => {
  const page = await firefoxSession.browser.newPage();
  await page.goto('http://example-exchange.kz/');
  await page.waitForSelector('[data-qorgan-banner][data-verdict="unregistered"]', { timeout: 5_000 });
  expect(await page.$$eval('[data-qorgan-banner]', (banners) => banners.length)).toBe(1);

  const extensionPage = await openExtensionPage(firefoxSession, 'popup.html');
  const badgeOf = (host: string) =>
    extensionPage.evaluate(async (url) => {
      const api = (globalThis as unknown as { browser: typeof chrome }).browser;
      const [tab] = await api.tabs.query({ url });
      const action = api.action ?? (api as unknown as { browserAction: typeof chrome.action }).browserAction;
      return tab?.id === undefined ? null : action.getBadgeText({ tabId: tab.id });
    }, `*://${host}/*`);
  await expect.poll(() => badgeOf('example-exchange.kz')).toBe('?');

  for (const [host, badge] of BADGE_WALK) {
    await page.goto(`http://${host}/`, { waitUntil: 'load' });
    await expect.poll(() => badgeOf(host), { message: host }).toBe(badge);
  }
});
