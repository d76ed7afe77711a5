/**
 * "Check this link with Qorgan" in the context menu of links and selected
 * text: it opens the popup's lookup in a tab with the link's real target (a
 * search engine's wrapper unwrapped) or the selected text, and does nothing else.
 */
import { browser, type Browser } from 'wxt/browser';
import { hostMatches } from '../lib/links/host-pattern';
import { linkTarget } from '../lib/links/link-target';

export const CHECK_LINK_MENU_ID = 'qorgan-check-link';
/** A selection longer than this is no address; the popup gets only its start. */
const MAX_SELECTION = 2048;

type MenuInfo = Pick<Browser.contextMenus.OnClickData, 'menuItemId' | 'linkUrl' | 'selectionText'>;

/** The popup address that looks up what the menu was opened on, or null when there is nothing to look up. */
export function checkLinkPage(info: MenuInfo, popupUrl: string): string | null {
  if (info.menuItemId !== CHECK_LINK_MENU_ID) return null;
  const query = info.linkUrl
    ? (linkTarget(info.linkUrl, hostMatches) ?? info.linkUrl)
    : (info.selectionText ?? '').trim().slice(0, MAX_SELECTION);
  return query === '' ? null : `${popupUrl}?url=${encodeURIComponent(query)}`;
}

/** Made again at install and start-up: the browser keeps menus, and a second `create` of one id fails. */
export async function createCheckLinkMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: CHECK_LINK_MENU_ID,
    title: browser.i18n.getMessage('context_check_link' as never),
    contexts: ['link', 'selection'],
  });
}

export function listenToCheckLinkMenu(): void {
  browser.contextMenus.onClicked.addListener((info) => {
    const page = checkLinkPage(info, browser.runtime.getURL('/popup.html'));
    if (page !== null) void browser.tabs.create({ url: page }).catch(() => undefined);
  });
}
