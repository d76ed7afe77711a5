/** Real Firefox through WebDriver BiDi, the extension installed, every host proxied to the fixture server. */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX_BUILD, FIREFOX_INTERNAL_UUID, GECKO_ID, firefoxPath, requireBuild } from './browsers';

export interface FirefoxSession {
  browser: Browser;
  extensionBase: string;
  close(): Promise<void>;
}

export async function launchFirefox(
  port: number,
  options: { locale?: string; extensionDir?: string } = {},
): Promise<FirefoxSession> {
  const extensionDir = options.extensionDir ?? FIREFOX_BUILD;
  requireBuild(extensionDir);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    acceptInsecureCerts: true,
    // Firefox 153+ lets WebDriver open moz-extension:// pages only with system access.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': port,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      'network.dns.disableIPv6': true,
      'dom.security.https_only_mode': false,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_INTERNAL_UUID }),
      'intl.locale.requested': options.locale ?? 'en-US',
      'intl.accept_languages': options.locale ?? 'en-US',
      'browser.shell.checkDefaultBrowser': false,
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      // Keep Firefox's own traffic out of the fixture server's request log.
      'services.settings.server': 'data:,#remote-settings-dummy/v1',
      'network.connectivity-service.enabled': false,
      'network.captive-portal-service.enabled': false,
      'browser.safebrowsing.downloads.remote.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'browser.safebrowsing.provider.mozilla.updateURL': '',
      'extensions.getAddons.cache.enabled': false,
      'extensions.update.enabled': false,
      'extensions.systemAddon.update.enabled': false,
      'media.gmp-manager.url': '',
      'browser.newtabpage.enabled': false,
      'browser.topsites.contile.enabled': false,
      'network.prefetch-next': false,
      'network.dns.disablePrefetch': true,
      'browser.search.update': false,
    },
  });
  await browser.installExtension(extensionDir);
  return {
    browser,
    extensionBase: `moz-extension://${FIREFOX_INTERNAL_UUID}`,
    close: () => browser.close(),
  };
}

/**
 * Opens an extension page in a new tab. Firefox moves the tab into the
 * extension's process, which detaches puppeteer's frame, so the navigation's
 * promise is not awaited: the page is polled until it is live.
 */
export async function openExtensionPage(session: FirefoxSession, pathname: string): Promise<Page> {
  const page = await session.browser.newPage();
  const url = `${session.extensionBase}/${pathname}`;
  page.goto(url).catch(() => undefined);
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const state = await page.evaluate(() => `${location.href} ${document.readyState}`).catch(() => '');
    if (state === `${url} complete`) return page;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Firefox did not open ${url}`);
}
