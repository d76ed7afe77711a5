import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CHECK_LINK_MENU_ID,
  checkLinkPage,
  createCheckLinkMenu,
  listenToCheckLinkMenu,
} from '../../../background/context-menu';

const POPUP = 'chrome-extension://id/popup.html';

describe('"Check this link with Qorgan"', () => {
  beforeEach(() => fakeBrowser.reset());

  it('opens the lookup of a link’s real target, a search engine’s wrapper unwrapped', () => {
    const wrapped = `https://www.google.kz/url?q=${encodeURIComponent('https://coinbase.com/buy')}&sa=U`;
    expect(checkLinkPage({ menuItemId: CHECK_LINK_MENU_ID, linkUrl: wrapped }, POPUP)).toBe(
      `${POPUP}?url=${encodeURIComponent('https://coinbase.com/buy')}`,
    );
    expect(
      checkLinkPage({ menuItemId: CHECK_LINK_MENU_ID, linkUrl: 'tg://resolve?domain=obmen_kzt_bot' }, POPUP),
    ).toBe(`${POPUP}?url=${encodeURIComponent('https://t.me/obmen_kzt_bot')}`);
  });

  it('looks up a link it cannot read as it is, and selected text trimmed and cut to size', () => {
    expect(checkLinkPage({ menuItemId: CHECK_LINK_MENU_ID, linkUrl: 'mailto:a@b.kz' }, POPUP)).toBe(
      `${POPUP}?url=${encodeURIComponent('mailto:a@b.kz')}`,
    );
    expect(checkLinkPage({ menuItemId: CHECK_LINK_MENU_ID, selectionText: '  okx.com \n' }, POPUP)).toBe(
      `${POPUP}?url=okx.com`,
    );
    const long = checkLinkPage({ menuItemId: CHECK_LINK_MENU_ID, selectionText: 'a'.repeat(10_000) }, POPUP);
    expect(long?.length).toBe(`${POPUP}?url=`.length + 2048);
  });

  it('does nothing for another menu item or an empty selection', () => {
    expect(checkLinkPage({ menuItemId: 'other', linkUrl: 'https://okx.com/' }, POPUP)).toBeNull();
    expect(checkLinkPage({ menuItemId: CHECK_LINK_MENU_ID, selectionText: '   ' }, POPUP)).toBeNull();
  });
});

describe('the menu in the background', () => {
  beforeEach(() => fakeBrowser.reset());

  it('opens the popup in a tab on a click, and only that', async () => {
    let onClicked: ((info: unknown) => void) | undefined;
    vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation((listener) => {
      onClicked = listener as (info: unknown) => void;
    });
    const before = (await fakeBrowser.tabs.query({})).length;
    listenToCheckLinkMenu();
    onClicked?.({ menuItemId: CHECK_LINK_MENU_ID, linkUrl: 'https://okx.com/ru', editable: false });
    onClicked?.({ menuItemId: 'other', linkUrl: 'https://okx.com/ru', editable: false });
    const popup = `${fakeBrowser.runtime.getURL('/popup.html')}?url=${encodeURIComponent('https://okx.com/ru')}`;
    await vi.waitFor(async () =>
      expect((await fakeBrowser.tabs.query({})).map((tab) => tab.url)).toContain(popup),
    );
    expect(await fakeBrowser.tabs.query({})).toHaveLength(before + 1);
  });

  it('makes one item for links and selected text, after clearing the ones the browser kept', async () => {
    const calls: string[] = [];
    vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockImplementation(
      async () => void calls.push('removeAll'),
    );
    const create = vi.spyOn(fakeBrowser.contextMenus, 'create').mockImplementation(() => {
      calls.push('create');
      return CHECK_LINK_MENU_ID;
    });
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key) => `msg:${key}`);
    await createCheckLinkMenu();
    expect(calls).toEqual(['removeAll', 'create']);
    expect(create.mock.calls[0]?.[0]).toMatchObject({
      id: CHECK_LINK_MENU_ID,
      contexts: ['link', 'selection'],
    });
  });
});
