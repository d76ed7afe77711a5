import { CHROME_EXTENSION_ID } from '../support/browsers';
import { launchChromium, type ChromiumSession } from '../support/chromium';
import { bannerShadowHtml } from '../support/closed-shadow';
import { expect, test } from '../support/fixtures';
import { chromiumPolicyFile, requireRoot, type PolicyFile } from '../support/policy-files';
import { makeRegistryKey, testPayload } from '../support/registry';
import { BANNER_SELECTOR } from '../support/pages';
import { serveWrapper } from '../support/wrapper';

test.describe.configure({ mode: 'serial' });

const REGISTRY_PATH = '/org-registry.json';
let policy: PolicyFile;
let session: ChromiumSession | undefined;

test.beforeAll(() => {
  requireRoot();
  policy = chromiumPolicyFile();
});
test.afterEach(async () => {
  await session?.close();
  session = undefined;
  policy.restore();
});

test('a private registry from policy is fetched and used; extraBlocked, extraAllowed and allowBypass apply', async ({
  server,
}) => {
  const key = await makeRegistryKey();
  const envelope = await key.sign(
    testPayload(500, [{ target: 'org-listed.kz', status: 'blocked', source: 'org' }]),
  );
  server.route(`127.0.0.1${REGISTRY_PATH}`, (_req, res) =>
    res.writeHead(200, { etag: '"500"' }).end(Buffer.from(envelope)),
  );
  policy.write({
    registryUrl: `http://127.0.0.1:${server.port}${REGISTRY_PATH}`,
    trustedKeys: [key.publicKey],
    extraBlocked: ['corp-blocked.kz'],
    extraAllowed: ['bybit.com'],
    allowBypass: false,
  });
  session = await launchChromium(server.port);
  expect(session.extensionId).toBe(CHROME_EXTENSION_ID);

  await expect.poll(() => server.requestsTo('127.0.0.1').length, { timeout: 10_000 }).toBeGreaterThan(0);
  const popup = await session.context.newPage();
  await popup.goto(`chrome-extension://${CHROME_EXTENSION_ID}/popup.html`);
  await expect(popup.getByTestId('registry-status')).toHaveAttribute('data-source', 'remote', {
    timeout: 10_000,
  });
  await expect(popup.getByTestId('registry-status')).toHaveAttribute('data-version', '500');

  const page = await session.context.newPage();
  await page.goto('http://org-listed.kz/');
  await expect(page.locator(BANNER_SELECTOR)).toHaveAttribute('data-verdict', 'blocked');

  await page.goto('http://corp-blocked.kz/');
  await expect(page.locator(BANNER_SELECTOR)).toHaveAttribute('data-verdict', 'blocked');
  const [shadow] = await bannerShadowHtml(page);
  expect(shadow).toContain('role="alert"');
  expect(shadow).not.toMatch(/dismiss/i);

  await page.goto('http://bybit.com/');
  await page.waitForLoadState('load');
  await page.waitForTimeout(1_000);
  await expect(page.locator(BANNER_SELECTOR)).toHaveCount(0);

  const options = await session.context.newPage();
  await options.goto(`chrome-extension://${CHROME_EXTENSION_ID}/options.html`);
  await expect(options.getByText(/managed by your organi[sz]ation/i).first()).toBeVisible();
});

test('blockMode "block" lands on the block page, with no way to proceed when bypass is off', async ({
  server,
}) => {
  policy.write({ blockMode: 'block', extraBlocked: ['corp-blocked.kz'], allowBypass: false });
  session = await launchChromium(server.port);
  const page = await session.context.newPage();
  await page.goto('http://corp-blocked.kz/some/page').catch(() => undefined);
  await expect(page).toHaveURL(new RegExp(`^chrome-extension://${CHROME_EXTENSION_ID}/blocked\\.html`));
  await expect(page.locator('html')).toHaveAttribute('data-verdict', 'blocked');
  await expect(page.getByRole('button', { name: /proceed/i })).toHaveCount(0);
  await page.goto('https://coinbase.com/').catch(() => undefined);
  await expect(page).toHaveURL(/blocked\.html/);
});

test('block mode without bypass: a blocked site framed by a wrapper does not load; the tab shows the block page', async ({
  server,
}) => {
  policy.write({ blockMode: 'block', allowBypass: false });
  session = await launchChromium(server.port);
  const page = await session.context.newPage();
  // The policy is in force once a blocked site itself goes to the block page.
  await page.goto('https://coinbase.com/').catch(() => undefined);
  await expect(page).toHaveURL(/blocked\.html/, { timeout: 15_000 });
  const wrapper = await session.context.newPage();
  await wrapper.goto(serveWrapper(server, 'https://coinbase.com/trade')).catch(() => undefined);
  await expect(wrapper).toHaveURL(new RegExp(`^chrome-extension://${CHROME_EXTENSION_ID}/blocked\\.html\\?`));
  expect(new URL(wrapper.url()).searchParams.get('url')).toBe('https://coinbase.com/trade');
  await expect(wrapper.locator('html')).toHaveAttribute('data-verdict', 'blocked');
  await expect(wrapper.getByRole('button', { name: /proceed/i })).toHaveCount(0);
  expect(await wrapper.evaluate(() => document.querySelectorAll('iframe').length)).toBe(0);
});

test('a malformed policy is ignored key by key, shown on the options page, and the rest applies', async ({
  server,
}) => {
  policy.write({
    registryUrl: 'ftp://registry.example/registry.json',
    trustedKeys: ['not-a-key', 'AAAA'],
    extraBlocked: ['corp-blocked.kz', 'http://', ' '],
  });
  session = await launchChromium(server.port);
  const page = await session.context.newPage();
  await page.goto('http://corp-blocked.kz/');
  await expect(page.locator(BANNER_SELECTOR)).toHaveAttribute('data-verdict', 'blocked');

  const options = await session.context.newPage();
  await options.goto(`chrome-extension://${CHROME_EXTENSION_ID}/options.html`);
  await expect(options.getByText(/registryUrl/).first()).toBeVisible();
  await expect(options.getByText(/trustedKeys/).first()).toBeVisible();
  expect(server.requests.some((request) => request.host === 'registry.example')).toBe(false);
});

test('a policy removed while the browser runs stops applying', async ({ server }) => {
  policy.write({ extraBlocked: ['corp-blocked.kz'] });
  session = await launchChromium(server.port);
  const page = await session.context.newPage();
  await page.goto('http://corp-blocked.kz/');
  await expect(page.locator(BANNER_SELECTOR)).toHaveAttribute('data-verdict', 'blocked');
  policy.remove();
  await expect
    .poll(
      async () => {
        await page.reload();
        await page.waitForTimeout(500);
        return page.locator(BANNER_SELECTOR).count();
      },
      { timeout: 45_000, intervals: [2_000] },
    )
    .toBe(0);
});
