/**
 * Link marks in Chromium, on results pages and a web messenger served at their real host names,
 * with a test registry that has one site per verdict and a blocked Telegram bot.
 */
import type { Page, Worker } from '@playwright/test';
import { CHROME_BUILD } from '../support/browsers';
import { launchChromium, type ChromiumSession } from '../support/chromium';
import { expect, test } from '../support/fixtures';
import { extensionWorldCount } from '../support/isolated-world';
import {
  EXPECTED_MARKS,
  LATER_LINKS,
  addLaterLinks,
  countHistoryReplacements,
  readHistoryReplacements,
  readLinkMarks,
  serveManyLinks,
  serveRewritingLinks,
} from '../support/link-pages';
import { linkMarkShadowHtml } from '../support/closed-shadow';
import { ChromiumBanner, PopupPage } from '../support/pages';
import { LINK_REGISTRY, buildWithRegistry, type RegistryBuild } from '../support/registry-build';

let build: RegistryBuild;
let session: ChromiumSession;

test.beforeEach(async ({ server }) => {
  build = buildWithRegistry(CHROME_BUILD, LINK_REGISTRY);
  session = await launchChromium(server.port, { extensionDir: build.dir });
  // The worker answers once its script has run, and with it the listeners a first page needs.
  await session.worker.evaluate(() => chrome.runtime.id);
});

test.afterEach(async () => {
  await session.close();
  build.remove();
});

/** Counts, in the background, the `links/verdicts` messages it receives from now on. */
async function countLinkMessages(worker: Worker): Promise<() => Promise<number>> {
  await worker.evaluate(() => {
    const scope = globalThis as unknown as { linkMessages: number };
    scope.linkMessages = 0;
    chrome.runtime.onMessage.addListener((message: { type?: string }) => {
      if (message?.type === 'links/verdicts') scope.linkMessages++;
    });
  });
  return () => worker.evaluate(() => (globalThis as unknown as { linkMessages: number }).linkMessages);
}

async function marksOn(page: Page, count: number) {
  await expect.poll(async () => (await page.evaluate(readLinkMarks)).marks, { timeout: 10_000 }).toBe(count);
  return page.evaluate(readLinkMarks);
}

test('marks exactly the licensed, blocked, warned and lookalike targets of Google and Yandex results', async ({
  server,
}) => {
  const page = await session.context.newPage();
  server.route('www.google.com/url', (_req, res, url) => {
    res.writeHead(302, { location: url.searchParams.get('q') ?? '/' }).end();
  });
  await page.goto('https://www.google.com/search?q=купить+USDT');
  const google = await marksOn(page, 4);
  for (const [id, verdict] of Object.entries(EXPECTED_MARKS)) expect(google.byLink[id], id).toBe(verdict);
  for (const id of ['script', 'data', 'relative', 'unparsed']) expect(google.byLink[id], id).toBeNull();

  // Each mark carries its verdict's sentence: shown by its tip on hover and focus, and its label.
  const labels = await page.evaluate(() =>
    Array.from(document.getElementsByTagName('qorgan-mark'), (mark) => mark.getAttribute('aria-label')),
  );
  const tips = (await linkMarkShadowHtml(page)).map(
    (html) => /<span class="tip" role="tooltip">([^<]+)<\/span>/.exec(html)?.[1] ?? '',
  );
  expect(tips).toHaveLength(4);
  expect(new Set(tips).size).toBe(4);
  expect(labels).toEqual(tips.map((tip) => `Qorgan: ${tip}`));

  // The blocked result asks first; Go back is focused, and keeps the page.
  const results = page.url();
  await page.click('#blocked');
  await expect.poll(async () => (await page.evaluate(readLinkMarks)).asks).toBe(1);
  expect(
    await page.evaluate(() => document.querySelector('div[data-qorgan-ask]')?.getAttribute('data-verdict')),
  ).toBe('blocked');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await page.evaluate(readLinkMarks)).asks).toBe(0);
  expect(page.url()).toBe(results);

  // Proceed (bypass is allowed by default) follows the link, to the blocked site's banner.
  await page.click('#blocked');
  await expect.poll(async () => (await page.evaluate(readLinkMarks)).asks).toBe(1);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForURL('https://coinbase.com/buy');
  await expect.poll(async () => (await new ChromiumBanner(page).state()).verdicts).toEqual(['blocked']);

  await page.goto('https://yandex.kz/search/?text=купить+USDT');
  const yandex = await marksOn(page, 5);
  for (const [id, verdict] of Object.entries(EXPECTED_MARKS)) expect(yandex.byLink[id], id).toBe(verdict);
  expect(yandex.byLink.bot).toBe('blocked');
});

/** In the page's own world, before its first byte: records every selector it is asked to query. */
function recordPageQueries(): void {
  const asked: string[] = [];
  (window as unknown as { askedSelectors: string[] }).askedSelectors = asked;
  const original = Document.prototype.querySelectorAll;
  Document.prototype.querySelectorAll = function (this: Document, selectors: string) {
    asked.push(String(selectors));
    return original.call(this, selectors);
  } as typeof original;
  // Forged before anything of ours runs: in the markup as it is parsed.
  document.addEventListener('DOMContentLoaded', () =>
    document.body.insertAdjacentHTML('beforeend', '<div data-qorgan-banner data-verdict="licensed"></div>'),
  );
}

test("a results page's marks, later links and sweep run in its own world, making no isolated world; a messenger's run in the extension's", async () => {
  const page = await session.context.newPage();
  await page.addInitScript(recordPageQueries);
  await page.addInitScript(countHistoryReplacements);
  const messages = await countLinkMessages(session.worker);
  // Counted without querySelectorAll, so that only the extension's queries are recorded.
  const forged = () =>
    page.evaluate(
      () =>
        Array.from(document.getElementsByTagName('div')).filter((d) => d.hasAttribute('data-qorgan-banner'))
          .length,
    );
  const sweptInPage = () =>
    page.evaluate(() =>
      (window as unknown as { askedSelectors: string[] }).askedSelectors.filter((s) =>
        s.includes('data-qorgan-banner'),
      ),
    );
  const later = () => page.evaluate(readLinkMarks).then(({ byLink }) => byLink['later-blocked']);

  await page.goto('https://www.google.com/search?q=купить+USDT');
  await marksOn(page, 4);
  await expect.poll(forged, { timeout: 5_000 }).toBe(0);
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<div data-qorgan-banner></div>'));
  await expect.poll(forged).toBe(0);
  expect((await sweptInPage()).length).toBeGreaterThan(0);
  // Results added later (infinite scroll) are asked about from the page's own world.
  await page.evaluate(addLaterLinks, LATER_LINKS.results);
  await expect.poll(later, { timeout: 10_000 }).toBe('blocked');
  expect((await page.evaluate(readLinkMarks)).byLink['later-ordinary']).toBeNull();
  expect(await page.evaluate(readHistoryReplacements)).toBeGreaterThan(0);
  expect(await messages()).toBe(0);
  expect(await extensionWorldCount(page, session.extensionId)).toBe(0);

  // A messenger: its marks run in the extension's isolated world, unseen by the page, and message.
  await page.goto('https://web.telegram.org/k/#-1001234567890');
  await marksOn(page, 3);
  await expect.poll(forged, { timeout: 5_000 }).toBe(0);
  await page.evaluate(addLaterLinks, LATER_LINKS.messenger);
  await expect.poll(later, { timeout: 10_000 }).toBe('blocked');
  expect(await sweptInPage()).toEqual([]);
  expect(await page.evaluate(readHistoryReplacements)).toBe(0);
  expect(await messages()).toBeGreaterThan(0);
  expect(await extensionWorldCount(page, session.extensionId)).toBe(1);

  // A page outside the table gets the sweep in its own world too.
  await page.goto('http://plain.example.org/');
  await expect.poll(forged, { timeout: 5_000 }).toBe(0);
  expect((await sweptInPage()).length).toBeGreaterThan(0);
});

test("a change of settings reaches the marks already on a results page: their words follow the user's language", async () => {
  const page = await session.context.newPage();
  await page.goto('https://www.google.com/search?q=купить+USDT');
  await marksOn(page, 4);
  const labels = () =>
    page.evaluate(() =>
      Array.from(document.getElementsByTagName('qorgan-mark'), (mark) => [
        mark.getAttribute('data-verdict'),
        mark.getAttribute('aria-label'),
      ]),
    );
  const before = await labels();
  await session.worker.evaluate(() => chrome.storage.local.set({ settings: { language: 'kk' } }));
  await expect
    .poll(async () => (await labels()).map(([, label]) => label), { timeout: 10_000 })
    .not.toEqual(before.map(([, label]) => label));
  const after = await labels();
  // The same marks, one for each listed link, now worded in Kazakh.
  expect(after.map(([verdict]) => verdict)).toEqual(before.map(([verdict]) => verdict));
  for (const [, label] of after) expect(label).toMatch(/[әіңғүұқөһ]/iu);
  expect((await page.evaluate(readLinkMarks)).marks).toBe(4);
});

test('nothing is injected on a site outside the table', async () => {
  const page = await session.context.newPage();
  await page.setContent('');
  await page.goto('http://plain.example.org/');
  await page.evaluate(() => {
    document.body.innerHTML = '<a id="x" href="https://coinbase.com/">coinbase</a>';
  });
  await page.waitForTimeout(1_000);
  expect((await page.evaluate(readLinkMarks)).marks).toBe(0);
});

test('Telegram Web: a chat with a blocked bot gets the banner of its t.me address, and loses it on another chat', async () => {
  const page = await session.context.newPage();
  const banner = new ChromiumBanner(page);
  await page.goto('https://web.telegram.org/k/#-1001234567890');
  const marks = await marksOn(page, 3);
  expect(marks.byLink.bot).toBe('blocked');
  expect(marks.byLink['chat-bot']).toBe('blocked');
  expect(marks.byLink.licensed).toBe('licensed');
  expect((await banner.state()).count).toBe(0);

  await page.evaluate(() => (location.hash = '@obmen_kzt_bot'));
  await expect.poll(async () => (await banner.state()).verdicts, { timeout: 10_000 }).toEqual(['blocked']);
  await page.evaluate(() => (location.hash = '-1001234567890'));
  await expect.poll(async () => (await banner.state()).count, { timeout: 10_000 }).toBe(0);
  await page.evaluate(
    () => (location.hash = `?tgaddr=${encodeURIComponent('tg://resolve?domain=obmen_kzt_bot')}`),
  );
  await expect.poll(async () => (await banner.state()).verdicts, { timeout: 10_000 }).toEqual(['blocked']);

  // A 10,000-character fragment changes nothing.
  await page.evaluate(() => (location.hash = `-1${'0'.repeat(10_000)}`));
  await expect.poll(async () => (await banner.state()).count, { timeout: 10_000 }).toBe(0);
});

test('bad input: 5,000 links are marked in a few batches; links rewritten every 10 ms cause no storm of questions', async ({
  server,
}) => {
  const messages = await countLinkMessages(session.worker);
  const page = await session.context.newPage();
  await page.addInitScript(countHistoryReplacements);
  // A results page's marks ask from the page's own world (one history replacement each), a
  // messenger's by message: either counts.
  const questions = async () => (await messages()) + (await page.evaluate(readHistoryReplacements));
  await page.goto(serveManyLinks(server, 5_000, 1_000, 1_000));
  const many = await marksOn(page, 5);
  expect(many.markedLinks).toBe(5);
  for (const id of ['l999', 'l1999', 'l2999', 'l3999', 'l4999']) expect(many.byLink[id], id).toBe('blocked');
  // The same verdict's later marks are copies of its first: each has the sign and the sentence.
  const copies = await linkMarkShadowHtml(page);
  expect(copies).toHaveLength(5);
  expect(new Set(copies).size).toBe(1);
  expect(copies[0]).toMatch(
    /<span class="dot blocked" aria-hidden="true">!<\/span><span class="tip" role="tooltip">[^<]+<\/span>/,
  );
  // 1,000 distinct targets and the blocked one, at most 200 to a question.
  expect(await questions()).toBeLessThanOrEqual(7);

  const before = await messages();
  await page.goto(serveRewritingLinks(server));
  const rounds = await page.evaluate(async () => {
    const first = document.getElementById('r0')?.getAttribute('href');
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    return { first, last: document.getElementById('r0')?.getAttribute('href') };
  });
  expect(rounds.last).not.toBe(rounds.first);
  const sent = (await messages()) - before + (await page.evaluate(readHistoryReplacements));
  // About 300 rewrites in three seconds; one question per burst, and bursts at most four a second.
  expect(sent).toBeGreaterThan(0);
  expect(sent).toBeLessThanOrEqual(15);
});

/**
 * A person's click on the menu item cannot be driven here (headless Chromium shows no native
 * menu), so the test checks that the running extension created the item, then hands the
 * browser's own `onClicked` event the data a click would carry, and reads the verdict in the tab
 * the real listener opens.
 */
test('"Check this link with Qorgan": the menu item exists, and a click on a wrapped link or a selection opens its verdict', async () => {
  const exists = (id: string) =>
    session.worker.evaluate(
      (menuId) =>
        chrome.contextMenus.update(menuId, {}).then(
          () => true,
          () => false,
        ),
      id,
    );
  await expect.poll(() => exists('qorgan-check-link')).toBe(true);
  expect(await exists('no-such-item')).toBe(false);

  const clicks: [Record<string, unknown>, string, string][] = [
    [
      { linkUrl: 'https://www.google.com/url?q=https%3A%2F%2Fcoinbase.com%2Fbuy&sa=U' },
      'https://coinbase.com/buy',
      'blocked',
    ],
    [{ selectionText: '  okx.com ' }, 'okx.com', 'warning'],
  ];
  for (const [data, query, verdict] of clicks) {
    const opened = session.context.waitForEvent('page');
    await session.worker.evaluate((info) => {
      const click = {
        menuItemId: 'qorgan-check-link',
        editable: false,
        pageUrl: 'https://www.google.com/search?q=x',
        ...info,
      };
      (chrome.contextMenus.onClicked as unknown as { dispatch: (info: unknown) => void }).dispatch(click);
    }, data);
    const popup = new PopupPage(await opened);
    await expect(popup.field, query).toHaveValue(query);
    await expect(popup.result, query).toHaveAttribute('data-verdict', verdict);
    await popup.page.close();
  }
});
