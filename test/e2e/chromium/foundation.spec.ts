import { CHROME_EXTENSION_ID } from '../support/browsers';
import { expect, test } from '../support/fixtures';

test('the extension loads with its fixed ID, and the content script reaches the background', async ({
  chromiumSession,
}) => {
  const { context, extensionId, worker } = chromiumSession;
  expect(extensionId).toBe(CHROME_EXTENSION_ID);
  const page = await context.newPage();
  await page.goto('http://example-exchange.kz/');
  await expect(page).toHaveTitle(/Обменник/);
  await expect
    .poll(() =>
      worker.evaluate(async (url) => {
        const [tab] = await chrome.tabs.query({ url });
        return tab?.id === undefined ? '' : chrome.action.getBadgeText({ tabId: tab.id });
      }, 'http://example-exchange.kz/'),
    )
    .not.toBe('');
});
