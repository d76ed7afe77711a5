import { expect, test } from '../support/fixtures';
import { openExtensionPage } from '../support/firefox';

test('the extension installs in Firefox, and the content script reaches the background', async ({
  firefoxSession,
}) => {
  const { browser } = firefoxSession;
  const page = await browser.newPage();
  await page.goto('http://example-exchange.kz/');
  expect(await page.title()).toMatch(/Обменник/);
  const extensionPage = await openExtensionPage(firefoxSession, 'popup.html');
  await expect
    .poll(() =>
      extensionPage.evaluate(async (url) => {
        const api = (globalThis as unknown as { browser: typeof chrome }).browser;
        const [tab] = await api.tabs.query({ url });
        const action =
          api.action ?? (api as unknown as { browserAction: typeof chrome.action }).browserAction;
        return tab?.id === undefined ? '' : action.getBadgeText({ tabId: tab.id });
      }, 'http://example-exchange.kz/'),
    )
    .not.toBe('');
});
