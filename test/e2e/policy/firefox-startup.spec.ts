/**
 * A policy in place when Firefox starts applies from the first use: the extension is used at once,
 * again every few seconds, and the test never waits for the browser to settle first.
 */
import { expect, test } from '../support/fixtures';
import { launchFirefox, openExtensionPage, type FirefoxSession } from '../support/firefox';
import { FirefoxBanner, firefoxLookup } from '../support/pages';
import { firefoxPolicyFile, requireRoot, type PolicyFile } from '../support/policy-files';

const POLICY_REGISTRY_URL = 'https://registry.policy.example/registry.json';
const APPLIES_WITHIN_MS = 40_000;
const USE_EVERY_MS = 3_000;
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

test('extension page first: the popup, used from launch, shows the policy', async ({ server }) => {
  test.setTimeout(90_000);
  policy.write({ registryUrl: POLICY_REGISTRY_URL, extraBlocked: ['corp-blocked.kz'] });
  session = await launchFirefox(server.port);
  const popup = await openExtensionPage(session, 'popup.html');
  await expect
    .poll(
      async () => {
        await popup.reload().catch(() => undefined);
        const verdict = await firefoxLookup(popup, 'corp-blocked.kz').catch(() => null);
        const url = await popup
          .$eval('[data-testid="registry-url"]', (element) => element.textContent)
          .catch(() => null);
        return `${verdict} ${url}`;
      },
      { timeout: APPLIES_WITHIN_MS, intervals: [USE_EVERY_MS] },
    )
    .toBe(`blocked ${POLICY_REGISTRY_URL}`);
});

test('navigation first: a site blocked by policy, browsed from launch, gets its banner', async ({
  server,
}) => {
  test.setTimeout(90_000);
  policy.write({ extraBlocked: ['corp-blocked.kz'], allowBypass: false });
  session = await launchFirefox(server.port);
  const page = await session.browser.newPage();
  await expect
    .poll(
      async () => {
        await page.goto('http://corp-blocked.kz/', { waitUntil: 'load' }).catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, 300));
        return (await new FirefoxBanner(page).state()).verdicts;
      },
      { timeout: APPLIES_WITHIN_MS, intervals: [USE_EVERY_MS] },
    )
    .toEqual(['blocked']);
});
