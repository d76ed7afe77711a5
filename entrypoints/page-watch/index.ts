/**
 * The page script: injected by the background into the top frame of a page
 * whose verdict needs a banner, with the banner part (see
 * background/page-scripts.ts). It is an unlisted script
 * rather than a WXT content script so that it carries neither the
 * webextension-polyfill nor WXT's content-script context (see
 * components/page-parts.ts).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { PAGE_SCRIPT_GLOBAL } from '../../lib/messaging/protocol';
import { watchPage, type PageRuntime } from './watch-page';

interface ExtensionNamespace {
  runtime: {
    id?: string;
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: PageRuntime['onMessage'];
  };
}

export default defineUnlistedScript(() => {
  // The background may inject this file into a page more than once: one copy watches the page.
  const world = globalThis as Record<string, unknown>;
  if (world[PAGE_SCRIPT_GLOBAL] === true) return;
  world[PAGE_SCRIPT_GLOBAL] = true;
  // Firefox names it `browser`, Chrome `chrome`; both return promises from `sendMessage`.
  const scope = globalThis as { browser?: ExtensionNamespace; chrome?: ExtensionNamespace };
  const api = scope.browser ?? scope.chrome;
  if (api?.runtime?.id === undefined) return;
  const { runtime } = api;
  watchPage({
    // Undefined once the extension is reloaded or removed: this page's copy then stops.
    id: () => runtime.id,
    sendMessage: (message) => runtime.sendMessage(message),
    onMessage: runtime.onMessage,
  });
});
