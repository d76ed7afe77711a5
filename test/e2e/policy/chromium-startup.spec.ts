/**
 * A policy in place when the browser starts applies as soon as the browser hands it over, however
 * early the extension is used. Chromium answers `storage.managed` only seconds after launch (later
 * still while its tabs are busy); these tests use the extension from the first moment, again every
 * few seconds, and never wait for the browser to settle first.
 */
import { CHROME_EXTENSION_ID } from '../support/browsers';
import { launchChromium, type ChromiumSession } from '../support/chromium';
import { expect, test } from '../support/fixtures';
import { ChromiumBanner, PopupPage } from '../support/pages';
import { chromiumPolicyFile, requireRoot, type PolicyFile } from '../support/policy-files';

const POLICY_REGISTRY_URL = 'https://registry.policy.example/registry.json';
/** The browser's own start, then at most ten seconds for the extension to apply what it handed over. */
const APPLIES_WITHIN_MS = 40_000;
const USE_EVERY_MS = 3_000;
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

test('extension page first: the popup, used from launch, shows the policy once the browser has it', async ({
  server,
}) => {
  test.setTimeout(90_000);
  policy.write({ registryUrl: POLICY_REGISTRY_URL, extraBlocked: ['corp-blocked.kz'] });
  session = await launchChromium(server.port);
  const popup = await PopupPage.open(session.context);
  // Each look reloads the popup, so each asks the background anew.
  await expect
    .poll(
      async () => {
        await popup.page.reload();
        await popup.lookup('corp-blocked.kz');
        const verdict = await popup.result.getAttribute('data-verdict', { timeout: 2_000 }).catch(() => null);
        const url = await popup.page
          .getByTestId('registry-url')
          .textContent({ timeout: 2_000 })
          .catch(() => null);
        return `${verdict} ${url}`;
      },
      { timeout: APPLIES_WITHIN_MS, intervals: [USE_EVERY_MS] },
    )
    .toBe(`blocked ${POLICY_REGISTRY_URL}`);
});

test('navigation first: a site blocked by policy, browsed from launch, gets its banner once the policy is in', async ({
  server,
}) => {
  test.setTimeout(90_000);
  policy.write({ extraBlocked: ['corp-blocked.kz'], allowBypass: false });
  session = await launchChromium(server.port);
  const page = await session.context.newPage();
  const banner = new ChromiumBanner(page);
  await expect
    .poll(
      async () => {
        await page.goto('http://corp-blocked.kz/').catch(() => undefined);
        await page.waitForTimeout(300);
        return (await banner.state()).verdicts;
      },
      { timeout: APPLIES_WITHIN_MS, intervals: [USE_EVERY_MS] },
    )
    .toEqual(['blocked']);
});

test('block mode from launch: a blocked target browsed at once ends on the block page', async ({
  server,
}) => {
  test.setTimeout(90_000);
  policy.write({ blockMode: 'block', extraBlocked: ['corp-blocked.kz'], allowBypass: false });
  session = await launchChromium(server.port);
  const page = await session.context.newPage();
  await expect
    .poll(
      async () => {
        await page.goto('http://corp-blocked.kz/').catch(() => undefined);
        await page.waitForTimeout(300);
        return page.url();
      },
      { timeout: APPLIES_WITHIN_MS, intervals: [USE_EVERY_MS] },
    )
    .toMatch(new RegExp(`^chrome-extension://${CHROME_EXTENSION_ID}/blocked\\.html`));
});
