/**
 * Page objects for the banner, the popup, the options page and the block page.
 *
 * The banner lives in a closed shadow root, which page scripts (and so
 * Playwright's locators and Puppeteer's selectors) cannot enter. The tests
 * therefore read what the page can read (the `<qorgan-banner>` host and its
 * `data-verdict`), read the shadow content in Chromium through the DevTools
 * protocol (`DOM.getDocument` with `pierce`), and act on the banner as a
 * keyboard user does: Tab moves focus into it, Enter activates the control.
 * The order of the controls is fixed by design (Go back, the licensed site if
 * any, Details, Dismiss, Report a mistake), so a count of Tab presses reaches
 * each one; `focusedInBanner` checks that focus is inside the banner.
 */
import type { BrowserContext, Page } from '@playwright/test';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { CHROME_EXTENSION_ID } from './browsers';
import { bannerShadowHtml } from './closed-shadow';

export const BANNER = 'qorgan-banner';

/** The banner's controls in focus order, for a verdict with or without a licensed site to offer. */
export function bannerControls(options: { licensedLink: boolean; dismiss: boolean }): string[] {
  return [
    'Go back',
    ...(options.licensedLink ? ['Go to the licensed site'] : []),
    'Details',
    ...(options.dismiss ? ['Dismiss for this site for 24 hours'] : []),
    'Report a mistake',
  ];
}

/** Runs in the page: the number of `<qorgan-banner>` elements and their verdicts. */
function readBanners(): { count: number; verdicts: (string | null)[]; focused: boolean } {
  const elements = Array.from(document.getElementsByTagName('qorgan-banner'));
  return {
    count: elements.length,
    verdicts: elements.map((element) => element.getAttribute('data-verdict')),
    focused: document.activeElement?.localName === 'qorgan-banner',
  };
}

/** Runs in the page: the `data-*` attributes of each banner host (verdict, reason, imitates). */
function readBannerSignals(selector: string): Record<string, string | undefined>[] {
  return Array.from(document.querySelectorAll<HTMLElement>(selector), (element) => ({ ...element.dataset }));
}

export class ChromiumBanner {
  constructor(readonly page: Page) {}

  get host() {
    return this.page.locator(BANNER);
  }

  state() {
    return this.page.evaluate(readBanners);
  }

  signals() {
    return this.page.evaluate(readBannerSignals, BANNER);
  }

  /** The markup inside the closed shadow root (DevTools protocol). */
  async shadowHtml(): Promise<string> {
    const [html] = await bannerShadowHtml(this.page);
    return html ?? '';
  }

  /** Visible text of the banner, from its shadow markup. */
  async text(): Promise<string> {
    const html = await this.shadowHtml();
    return html
      .replace(/<style[\s\S]*?<\/style>/g, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&amp;/g, '&')
      .replace(/&#39;|&apos;/g, "'")
      .replace(/\s+/g, ' ')
      .trim();
  }

  /** The labels of the buttons and links, in document (= focus) order. */
  async controls(): Promise<string[]> {
    const html = await this.shadowHtml();
    return Array.from(html.matchAll(/<(button|a)\b[^>]*>([\s\S]*?)<\/\1>/g), (match) =>
      (match[2] ?? '').replace(/<[^>]+>/g, '').trim(),
    );
  }

  /** Tabs from the top of the page to the control whose label starts with `label`, and presses Enter. */
  async activate(label: string): Promise<void> {
    const controls = await this.controls();
    const index = controls.findIndex((text) => text.startsWith(label));
    if (index < 0) throw new Error(`The banner has no "${label}" control: ${controls.join(', ')}`);
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let i = 0; i <= index; i++) await this.page.keyboard.press('Tab');
    if (!(await this.state()).focused) throw new Error('Focus did not reach the banner');
    await this.page.keyboard.press('Enter');
  }
}

export class FirefoxBanner {
  constructor(readonly page: PuppeteerPage) {}

  state() {
    return this.page.evaluate(readBanners);
  }

  signals() {
    return this.page.evaluate(readBannerSignals, BANNER);
  }

  async activate(controls: string[], label: string): Promise<void> {
    const index = controls.findIndex((text) => text.startsWith(label));
    if (index < 0) throw new Error(`No "${label}" in ${controls.join(', ')}`);
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let i = 0; i <= index; i++) await this.page.keyboard.press('Tab');
    if (!(await this.state()).focused) throw new Error('Focus did not reach the banner');
    await this.page.keyboard.press('Enter');
  }
}

export const extensionUrl = (path: string) => `chrome-extension://${CHROME_EXTENSION_ID}/${path}`;

export class PopupPage {
  constructor(readonly page: Page) {}

  static async open(context: BrowserContext, query?: string): Promise<PopupPage> {
    const page = await context.newPage();
    await page.goto(
      extensionUrl(`popup.html${query === undefined ? '' : `?url=${encodeURIComponent(query)}`}`),
    );
    return new PopupPage(page);
  }

  get field() {
    return this.page.getByLabel('Domain or address', { exact: true });
  }

  get result() {
    return this.page.getByTestId('lookup-result');
  }

  get registryStatus() {
    return this.page.getByTestId('registry-status');
  }

  async lookup(query: string): Promise<void> {
    await this.field.fill(query);
  }
}

export class OptionsPage {
  constructor(readonly page: Page) {}

  static async open(context: BrowserContext): Promise<OptionsPage> {
    const page = await context.newPage();
    await page.goto(extensionUrl('options.html'));
    return new OptionsPage(page);
  }

  dismissed(host: string) {
    return this.page.getByTestId('dismissed-sites').locator(`li[data-host="${host}"]`);
  }

  async undo(host: string): Promise<void> {
    await this.dismissed(host).getByRole('button').click();
  }
}

/**
 * Firefox (Puppeteer): the popup's lookup, through the field labelled "Domain or
 * address". The value is set in one input event, as Playwright's `fill` does.
 */
export async function firefoxLookup(page: PuppeteerPage, query: string): Promise<string | null> {
  await page.evaluate(async (text) => {
    const label = Array.from(document.querySelectorAll('label')).find(
      (l) => l.textContent === 'Domain or address',
    );
    const input = label ? (document.getElementById(label.htmlFor) as HTMLInputElement | null) : null;
    if (!input) throw new Error('no field labelled "Domain or address"');
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    // The previous answer goes away as soon as the query changes; wait for that before reading.
    for (let i = 0; i < 100 && document.querySelector('[data-testid="lookup-result"]'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }, query);
  const handle = await page.waitForFunction(
    () => document.querySelector('[data-testid="lookup-result"]')?.getAttribute('data-verdict') ?? null,
    { timeout: 5_000 },
  );
  return (await handle.jsonValue()) as string | null;
}

/**
 * A walk of one tab from page to page, with the badge each page must leave: none on an ordinary
 * page (after a warning one too), a tick on a licensed one, a mark on a warning one.
 */
export const BADGE_WALK: readonly (readonly [host: string, badge: string])[] = [
  ['plain.example.org', ''],
  ['bybit.kz', '✓'],
  ['bybit.com', '!'],
  ['plain.example.org', ''],
];
