import type { Page } from 'puppeteer-core';
import { FIREFOX_INTERNAL_UUID } from '../support/browsers';
import { expect, test } from '../support/fixtures';
import { launchFirefox, openExtensionPage, type FirefoxSession } from '../support/firefox';
import { firefoxPolicyFile, requireRoot, type PolicyFile } from '../support/policy-files';
import { makeRegistryKey, testPayload } from '../support/registry';

test.describe.configure({ mode: 'serial' });

const REGISTRY_PATH = '/org-registry.json';
let policy: PolicyFile;
let session: FirefoxSession | undefined;

test.beforeAll(() => {
  requireRoot();
  policy = firefoxPolicyFile();
});
test.afterEach(async () => {
  await session?.close();
  session = undefined;
  policy.restore();
});

async function bannerVerdicts(page: Page): Promise<(string | null)[]> {
  return page.$$eval('[data-qorgan-banner]', (banners) =>
    banners.map((banner) => banner.getAttribute('data-verdict')),
  );
}

async function visit(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
}

test('a private registry from policies.json is fetched and used; extraBlocked and extraAllowed apply', async ({
  server,
}) => {
  const key = await makeRegistryKey();
  const envelope = await key.sign(
    testPayload(600, [{ target: 'org-listed.kz', status: 'blocked', source: 'org' }]),
  );
  server.route(`127.0.0.1${REGISTRY_PATH}`, (_req, res) => res.writeHead(200).end(Buffer.from(envelope)));
  policy.write({
    registryUrl: `http://127.0.0.1:${server.port}${REGISTRY_PATH}`,
    trustedKeys: [key.publicKey],
    extraBlocked: ['corp-blocked.kz'],
    extraAllowed: ['bybit.com'],
    allowBypass: false,
  });
  session = await launchFirefox(server.port);
  await expect.poll(() => server.requestsTo('127.0.0.1').length, { timeout: 10_000 }).toBeGreaterThan(0);

  const popup = await openExtensionPage(session, 'popup.html');
  await expect
    .poll(
      () =>
        popup
          .$eval('[data-testid="registry-status"]', (el) => el.getAttribute('data-source'))
          .catch(() => null),
      {
        timeout: 10_000,
      },
    )
    .toBe('remote');
  expect(await popup.$eval('[data-testid="registry-status"]', (el) => el.getAttribute('data-version'))).toBe(
    '600',
  );

  const page = await session.browser.newPage();
  await visit(page, 'http://org-listed.kz/');
  await expect.poll(() => bannerVerdicts(page)).toEqual(['blocked']);
  await visit(page, 'http://corp-blocked.kz/');
  await expect.poll(() => bannerVerdicts(page)).toEqual(['blocked']);
  await visit(page, 'http://bybit.com/');
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  expect(await bannerVerdicts(page)).toEqual([]);
});

test('blockMode "block" lands on the block page without Proceed when bypass is off', async ({ server }) => {
  policy.write({ blockMode: 'block', extraBlocked: ['corp-blocked.kz'], allowBypass: false });
  session = await launchFirefox(server.port);
  const page = await session.browser.newPage();
  page.goto('http://corp-blocked.kz/').catch(() => undefined);
  const blockedBase = `moz-extension://${FIREFOX_INTERNAL_UUID}/blocked.html`;
  await expect
    .poll(
      () =>
        page.evaluate(() => `${location.href} ${document.documentElement.dataset.verdict}`).catch(() => ''),
      {
        timeout: 10_000,
      },
    )
    .toMatch(new RegExp(`^${blockedBase.replaceAll('.', '\\.')}\\?.* blocked$`));
  const proceed = await page.evaluate(() =>
    Array.from(document.querySelectorAll('button, a')).some((el) => /proceed/i.test(el.textContent ?? '')),
  );
  expect(proceed).toBe(false);
});

test('a malformed policy is ignored key by key with its reasons on the options page, and the rest applies', async ({
  server,
}) => {
  policy.write({
    registryUrl: 'ftp://registry.example/registry.json',
    trustedKeys: ['c2hvcnQ='],
    extraBlocked: ['corp-blocked.kz', 'http://', 42],
    blockMode: 'explode',
    syncIntervalMinutes: 0,
    allowBypass: 'no',
  });
  session = await launchFirefox(server.port);
  const page = await session.browser.newPage();
  await visit(page, 'http://corp-blocked.kz/');
  await expect.poll(() => bannerVerdicts(page)).toEqual(['blocked']);

  const options = await openExtensionPage(session, 'options.html');
  const problems = await options.$$eval('[data-testid="policy-problems"] li', (items) =>
    items.map((item) => item.textContent ?? ''),
  );
  for (const key of [
    'registryUrl',
    'trustedKeys',
    'extraBlocked',
    'blockMode',
    'syncIntervalMinutes',
    'allowBypass',
  ]) {
    expect(problems.some((text) => text.startsWith(key))).toBe(true);
  }
  expect(server.requests.some((request) => request.host === 'registry.example')).toBe(false);
});
