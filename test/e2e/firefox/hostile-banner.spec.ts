/**
 * Hostile pages against the banner, in Firefox: each attack on a warned page ends, within two
 * seconds, with the banner seen at its place (the top element at its points and its own colour
 * in a screenshot) or with the extension's warning page. A warned page that does nothing keeps
 * its banner; licensed and unknown pages with the same code get nothing.
 */
import type { Page } from 'puppeteer-core';
import { ATTACKS, serveAttacks, type Attack } from '../support/attacks';
import { BANNER_SELECTOR, firstCoveredStrip, readBannerPlace, seenByHitTest } from '../support/banner-seen';
import { Hung, noteRetry, within, withinOr } from '../support/deadline';
import { expect, test } from '../support/fixtures';
import type { FirefoxSession } from '../support/firefox';
import { FirefoxBanner } from '../support/pages';

const WITHIN_MS = 2_000;
const HOLDS_MS = 400;
/** How long a navigation to the warning page may take once it has begun. */
const ESCALATION_MS = 1_500;
const QUIET_MS = 1_500;
/** A single look at the page (one evaluate, one screenshot, one key) is given this long. */
const STEP_MS = 10_000;
/** Opening, loading or closing a page is given this long. */
const PAGE_MS = 20_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The tab showing the warning page, if any. Firefox moves the tab into the extension's process,
 * and puppeteer may still report the site's address for it, so the page is asked too.
 */
async function warningPage(session: FirefoxSession, page: Page): Promise<Page | undefined> {
  const warning = `${session.extensionBase}/blocked.html`;
  const href = await withinOr(
    'reading the address',
    STEP_MS,
    page.evaluate(() => location.href),
    '',
  );
  if (href.startsWith(warning)) return page;
  const pages = await session.browser.pages();
  return pages.find((open) => open.url().startsWith(warning));
}

/** Where the attack stands; `pixels` also reads the banner's colour from a screenshot. */
async function outcome(session: FirefoxSession, page: Page, pixels = true): Promise<string> {
  const warning = await warningPage(session, page);
  if (warning) {
    const attributes = await warning
      .evaluate(() => [
        document.documentElement.getAttribute('data-tampered'),
        document.documentElement.getAttribute('data-verdict'),
      ])
      .catch(() => null);
    if (attributes === null) return 'navigating';
    const [tampered, verdict] = attributes;
    if (tampered === null || verdict === null) return 'navigating';
    return tampered === 'true' && verdict === 'warning' ? 'escalated' : `escalated as ${tampered}/${verdict}`;
  }
  const place = await withinOr(
    'reading the banner',
    STEP_MS,
    page.evaluate(readBannerPlace, BANNER_SELECTOR),
    null,
  );
  if (place === null) return 'navigating';
  if (!seenByHitTest(place)) return `not seen ${JSON.stringify(place)}`;
  if (!pixels) return 'seen';
  const covered = await firstCoveredStrip(place.viewportWidth, (clip) =>
    within('taking a screenshot', STEP_MS, page.screenshot({ clip })).catch(() => null),
  );
  return covered === null ? 'seen' : `covered at ${covered}`;
}

const ended = (attack: Attack, state: string) =>
  state === 'escalated' || (state === 'seen' && !attack.mustEscalate);

async function runAttack(session: FirefoxSession, attack: Attack, url: string): Promise<string> {
  const page = await within('opening a page', PAGE_MS, session.browser.newPage());
  try {
    await within('loading the attack', PAGE_MS, page.goto(url, { waitUntil: 'domcontentloaded' }));
    await page
      .waitForFunction(() => (window as { attacked?: boolean }).attacked === true, { timeout: 10_000 })
      .catch(() => {
        throw new Error(`never struck, at ${page.url()}`);
      });
    const struck = Date.now();
    let typing = attack.tabs === true;
    const keys = (async () => {
      while (typing) {
        // A key the page never takes (it may be leaving for the warning page) is not waited for.
        await within('pressing Tab', STEP_MS, page.keyboard.press('Tab')).catch(() => undefined);
        await sleep(150);
      }
    })();
    try {
      // An attack that must end on the warning page is only watched for it: screenshots cost time.
      const pixels = !attack.mustEscalate;
      let state = await outcome(session, page, pixels);
      while (!ended(attack, state) && Date.now() - struck < WITHIN_MS) {
        await sleep(100);
        state = await outcome(session, page, pixels);
      }
      if (!ended(attack, state)) return state;
      await sleep(HOLDS_MS);
      let later = await outcome(session, page, pixels);
      // A page taken to the warning page loses its banner a moment before the new page commits: an
      // escalation in flight is waited for, never counted as the banner lost.
      for (
        let waited = 0;
        later !== state && later !== 'escalated' && waited < ESCALATION_MS;
        waited += 100
      ) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        later = await outcome(session, page, pixels);
      }
      // The warning page is always an end; the banner seen is one only while it lasts.
      return later === state || later === 'escalated' ? later : `${state}, then ${later}`;
    } finally {
      typing = false;
      await keys;
    }
  } finally {
    for (const open of await session.browser.pages()) {
      if (open === page || open.url().startsWith(session.extensionBase))
        await within('closing the page', PAGE_MS, open.close()).catch(() => undefined);
    }
  }
}

test('every attack on a warned page ends with the banner seen at its place or with the warning page', async ({
  firefoxSession,
  server,
}) => {
  test.setTimeout(360_000);
  const urls = serveAttacks(server, 'bybit.com');
  const warm = await firefoxSession.browser.newPage();
  await warm.goto('http://bybit.com/', { waitUntil: 'load' });
  await warm.waitForSelector(`${BANNER_SELECTOR}[data-verdict="warning"]`, { timeout: 10_000 });
  await warm.close();

  const outcomes: Record<string, string> = {};
  const attackOnce = (attack: Attack) =>
    runAttack(firefoxSession, attack, urls.get(attack.name) ?? '').catch((error: unknown) =>
      error instanceof Hung ? `hung: ${error.message}` : `failed: ${String(error).split('\n')[0]}`,
    );
  for (const attack of ATTACKS) {
    outcomes[attack.name] = await attackOnce(attack);
    // The browser, not the page, failed to answer: the attack is run once more on a new page, and
    // the test says so. An attack that hangs twice, or fails in any other way, fails the test.
    if (outcomes[attack.name]?.startsWith('hung: ')) {
      noteRetry(test.info(), `${attack.name}: ${outcomes[attack.name]}`);
      outcomes[attack.name] = await attackOnce(attack);
    }
  }
  expect(outcomes).toEqual(
    Object.fromEntries(
      ATTACKS.map((attack) => [
        attack.name,
        attack.mustEscalate ? 'escalated' : expect.stringMatching(/^(seen|escalated)$/),
      ]),
    ),
  );
});

test('an ordinary warned page keeps its banner and is never escalated; licensed and unknown pages with the same code get nothing', async ({
  firefoxSession,
  server,
}) => {
  test.setTimeout(120_000);
  const page = await firefoxSession.browser.newPage();
  const banner = new FirefoxBanner(page);
  await page.goto('http://bybit.com/', { waitUntil: 'load' });
  await page.waitForSelector(`${BANNER_SELECTOR}[data-verdict="warning"]`, { timeout: 10_000 });
  await expect.poll(() => outcome(firefoxSession, page)).toBe('seen');
  await sleep(QUIET_MS + 1_000);
  expect(page.url()).toMatch(/^https?:\/\/bybit\.com\/$/);
  expect(await outcome(firefoxSession, page)).toBe('seen');

  const sameCode = ATTACKS.filter(
    (attack) => attack.css !== undefined || !attack.script.includes('strikeOnce'),
  );
  for (const host of ['bybit.kz', 'plain.example.org']) {
    const urls = serveAttacks(server, host);
    for (const attack of sameCode) {
      const url = urls.get(attack.name) ?? '';
      await page.goto(url, { waitUntil: 'load' });
      await sleep(QUIET_MS);
      expect(page.url().replace(/^https:/, 'http:'), url).toBe(url);
      expect((await banner.state()).count, url).toBe(0);
    }
  }
});
