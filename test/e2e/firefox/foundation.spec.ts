import { expect, test } from '../support/fixtures';
import { openExtensionPage } from '../support/firefox';

test('installs in Firefox; the background is alive and the content script flags an exchanger page', async ({
  firefoxSession,
}) => {
  const page = await firefoxSession.browser.newPage();
  await page.goto('http://example-exchange.kz/');
  await page.waitForSelector('qorgan-banner[data-verdict="unregistered"]', { timeout: 5_000 });
  expect(await page.$$eval('qorgan-banner', (banners) => banners.length)).toBe(1);

  const extensionPage = await openExtensionPage(firefoxSession, 'popup.html');
  await expect
    .poll(() =>
      extensionPage.evaluate(async (url) => {
        const api = (globalThis as unknown as { browser: typeof chrome }).browser;
        const [tab] = await api.tabs.query({ url });
        const action =
          api.action ?? (api as unknown as { browserAction: typeof chrome.action }).browserAction;
        return tab?.id === undefined ? '' : action.getBadgeText({ tabId: tab.id });
      }, '*://example-exchange.kz/*'),
    )
    .toBe('?');
});
