/**
 * A renderer taken over by a hostile page can run code in the extension's isolated world, with
 * the runtime our content code uses. From there it must get nothing that only the user may do
 * or see through the extension's own pages.
 */
import { expect, test } from '../support/fixtures';
import { sendFromIsolatedWorld } from '../support/isolated-world';
import { ChromiumBanner, extensionUrl } from '../support/pages';

const FORBIDDEN = [
  { type: 'settings/set', data: { detectUnregistered: false } },
  { type: 'settings/set', data: { registryUrl: 'https://attacker.example/registry.json' } },
  {
    type: 'settings/set',
    data: { language: 'en', registryUrl: `https://attacker.example/${'x'.repeat(3_000_000)}` },
  },
  { type: 'settings/get', data: {} },
  { type: 'dismiss/add', data: { host: 'coinbase.com' } },
  { type: 'dismiss/remove', data: { host: 'bybit.com' } },
  { type: 'dismiss/list', data: {} },
  { type: 'tab/current', data: {} },
  { type: 'lookup', data: { query: 'coinbase.com' } },
  { type: 'registry/sync-now', data: {} },
  { type: 'registry/status', data: {} },
];

test('content code of a warned page is refused every request meant for the extension pages', async ({
  chromiumSession,
  server,
}) => {
  const { context, extensionId } = chromiumSession;
  const secret = await context.newPage();
  await secret.goto('http://plain.example.org/account?session=SECRET-TOKEN');
  const page = await context.newPage();
  await page.goto('http://bybit.com/');
  await expect(new ChromiumBanner(page).host).toHaveAttribute('data-verdict', 'warning');

  for (const message of FORBIDDEN) {
    const outcome = await sendFromIsolatedWorld(page, extensionId, message);
    // Refused: an error, or no answer at all (Chromium passes a rejected answer on as none).
    expect(
      'refused' in outcome || outcome.answered === null,
      `${message.type}: ${JSON.stringify(outcome)}`,
    ).toBe(true);
  }
  // What content code may ask is answered, and only about its own page.
  const own = await sendFromIsolatedWorld(page, extensionId, {
    type: 'page/context',
    data: { url: 'http://plain.example.org/account?session=SECRET-TOKEN' },
  });
  expect(own).toMatchObject({ answered: { result: { host: 'bybit.com', verdict: 'warning' } } });

  const options = await context.newPage();
  await options.goto(extensionUrl('options.html'));
  const [settings, dismissed] = await options.evaluate(() =>
    Promise.all([
      chrome.runtime.sendMessage({ type: 'settings/get', data: {} }),
      chrome.runtime.sendMessage({ type: 'dismiss/list', data: {} }),
    ]),
  );
  expect(settings.user).toEqual({});
  expect(settings.effective).toMatchObject({ detectUnregistered: true, registryUrl: null });
  expect(dismissed).toEqual([]);
  expect(server.requests.some((request) => request.host === 'attacker.example')).toBe(false);
});
