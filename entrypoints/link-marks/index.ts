/**
 * The link marks: injected by the background into pages of the search
 * engines and web messengers of lib/links/marked-sites.ts, and nowhere else
 * (background/link-marks.ts): into the page's own world on a search engine,
 * into the extension's isolated world on a messenger (that file says why).
 * An unlisted script, like the page script, so it carries neither the
 * webextension-polyfill nor WXT's content-script context. It carries no
 * catalogs and no address parsing either: the background sends each mark's
 * words with its verdict (background/judge-links.ts). The links the page has
 * when this starts are read once, by the marker's first scan, and are its
 * result to the background's injection, which judges them and hands their
 * marks back through LINK_MARKS_SEED. Later links are asked about by message
 * from the isolated world, and through page-world-channel.ts from the page's
 * world; either is set up only when later links come. It also runs the sweep
 * of forged banners, in the same world, so that a page of these sites enters
 * one world for both.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startBannerSweep } from '../../components/banner/banner-sweep';
import { guardBlockedClicks } from '../../components/links/guard-blocked-clicks';
import { startLinkMarker } from '../../components/links/link-marker';
import { pageWorldSender } from '../../components/links/page-world-channel';
import {
  LINK_MARKS_REFRESH,
  LINK_MARKS_SEED,
  type LinkMarksSeed,
  type LinkVerdicts,
} from '../../lib/messaging/protocol';
import { createMessagingClient } from '../../lib/messaging/runtime-client';

/** Set on the world once the marks run, so a second injection changes nothing. */
const LINK_MARKS_GLOBAL = '__qorganLinkMarks';

interface ExtensionNamespace {
  runtime: { id?: string; sendMessage(message: unknown): Promise<unknown> };
}

/**
 * How later links are asked about: through the page world's channel there (the background says
 * which world it injected into), else by message. Firefox names the namespace `browser`, Chrome
 * `chrome`; both return promises from `sendMessage`.
 */
function linkSender(
  world: Record<string, unknown>,
  inPageWorld: boolean,
): (links: string[]) => Promise<LinkVerdicts> {
  if (inPageWorld) return pageWorldSender({ world, history, win: window });
  const scope = globalThis as { browser?: ExtensionNamespace; chrome?: ExtensionNamespace };
  const runtime = (scope.browser ?? scope.chrome)?.runtime;
  if (runtime?.id === undefined) throw new Error('the extension is gone');
  const client = createMessagingClient((message) => runtime.sendMessage(message));
  return (links) => client.send('links/verdicts', { links });
}

/** The links to judge first: the injection's result, read by the background. */
export default defineUnlistedScript((): string[] => {
  const world = globalThis as Record<string, unknown>;
  if (world[LINK_MARKS_GLOBAL] === true) return [];
  world[LINK_MARKS_GLOBAL] = true;
  startBannerSweep(document);
  let inPageWorld = false;
  let send: ((links: string[]) => Promise<LinkVerdicts>) | undefined;
  const marker = startLinkMarker({
    doc: document,
    win: window,
    now: () => performance.now(),
    // Nothing is sent before the seed, which says the world.
    send: async (links) => (send ??= linkSender(world, inPageWorld))(links),
    awaitSeed: true,
  });
  world[LINK_MARKS_SEED] = (seed: LinkMarksSeed | null, pageWorld: boolean) => {
    delete world[LINK_MARKS_SEED];
    inPageWorld = pageWorld === true;
    marker.seed(seed);
  };
  world[LINK_MARKS_REFRESH] = () => marker.refresh();
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
