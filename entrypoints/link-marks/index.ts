/**
 * The link marks: injected by the background into pages of the search
 * engines and web messengers of lib/links/marked-sites.ts, and nowhere else
 * (background/link-marks.ts). An unlisted script, like the page script, so it
 * carries neither the webextension-polyfill nor WXT's content-script context.
 * It carries no catalogs and no address parsing either: the background sends
 * each mark's words with its verdict (background/judge-links.ts). The links
 * the page has when this starts are read once, by the marker's first scan,
 * and are its result to the background's injection, which judges them and
 * hands their marks back through LINK_MARKS_SEED. The extension's APIs are
 * touched only when later links need a message: waking them costs a page a
 * millisecond or two. It also runs the sweep of forged banners here, in its
 * own world, instead of the main world where other pages get it: a page
 * that enters one world instead of two saves about half a millisecond.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startBannerSweep } from '../../components/banner/banner-sweep';
import { guardBlockedClicks } from '../../components/links/guard-blocked-clicks';
import { startLinkMarker } from '../../components/links/link-marker';
import { LINK_MARKS_SEED, type LinkMarksSeed } from '../../lib/messaging/protocol';
import { createMessagingClient, type MessagingClient } from '../../lib/messaging/runtime-client';

/** Set on the isolated world once the marks run, so a second injection changes nothing. */
const LINK_MARKS_GLOBAL = '__qorganLinkMarks';

interface ExtensionNamespace {
  runtime: { id?: string; sendMessage(message: unknown): Promise<unknown> };
}

function messagingClient(): MessagingClient {
  // Firefox names it `browser`, Chrome `chrome`; both return promises from `sendMessage`.
  const scope = globalThis as { browser?: ExtensionNamespace; chrome?: ExtensionNamespace };
  const runtime = (scope.browser ?? scope.chrome)?.runtime;
  if (runtime?.id === undefined) throw new Error('the extension is gone');
  return createMessagingClient((message) => runtime.sendMessage(message));
}

/** The links to judge first: the injection's result, read by the background. */
export default defineUnlistedScript((): string[] => {
  const world = globalThis as Record<string, unknown>;
  if (world[LINK_MARKS_GLOBAL] === true) return [];
  world[LINK_MARKS_GLOBAL] = true;
  startBannerSweep(document);
  let client: MessagingClient | undefined;
  const marker = startLinkMarker({
    doc: document,
    win: window,
    now: () => performance.now(),
    send: async (links) => (client ??= messagingClient()).send('links/verdicts', { links }),
    awaitSeed: true,
  });
  world[LINK_MARKS_SEED] = (seed: LinkMarksSeed | null) => {
    delete world[LINK_MARKS_SEED];
    marker.seed(seed);
  };
  guardBlockedClicks({
    doc: document,
    marker,
    open: (href, newTab) => {
      if (newTab) window.open(href, '_blank', 'noopener');
      else window.location.assign(href);
    },
  });
  return marker.firstLinks();
});
