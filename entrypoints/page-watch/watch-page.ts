/**
 * The page script's flow, in a page whose verdict needs a banner: ask the
 * background what this page is, show or hide the banner, and check again on
 * back and forward moves and when the background says so (in-page
 * navigations, registry or settings changes, a detector's finding). Page
 * messages are never read.
 */
import { XHTML } from '../../components/banner/banner-host';
import { pageGuard, pageParts, type BannerPart } from '../../components/page-parts';
import { isRecheckMessage, type PageContext } from '../../lib/messaging/protocol';
import { createMessagingClient } from '../../lib/messaging/runtime-client';
import { withoutFragment } from '../../lib/url/without-fragment';
import { presentPage } from '../../lib/verdict/present-page';

type MessageListener = (message: unknown, sender: { id?: string }) => void;

/** What the page script needs of the extension runtime. */
export interface PageRuntime {
  /** The extension's ID; undefined once this copy of the script is orphaned by a reload. */
  id(): string | undefined;
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: {
    addListener(listener: MessageListener): void;
    removeListener(listener: MessageListener): void;
  };
}

/**
 * What the page presents, by the same rule as the background's (its context is already the framed
 * site's when that is what the page shows); `detectUnregistered` does not matter here.
 */
function presentation(context: PageContext) {
  const own = { result: context.result, dismissed: context.dismissed };
  return presentPage({ frame: 'top', own }, { ...context, detectUnregistered: false }).show;
}

export function shouldShowBanner(context: PageContext): boolean {
  return presentation(context) !== 'nothing';
}

export function watchPage(runtime: PageRuntime, doc: Document = document, win: Window = window): void {
  const client = createMessagingClient((message) => runtime.sendMessage(message));
  const guard = pageGuard(doc);
  const parts = pageParts();
  // The page keeps fighting the banner: the background takes the tab to the extension's warning page.
  // A document that is not HTML (an SVG image opened as a page) may be one the browser paints no
  // banner in at all: the warning page then says so, not that the site fought it.
  const cause = doc.documentElement?.namespaceURI === XHTML ? {} : { cause: 'unpaintable' as const };
  guard.onTampered(() => void client.send('page/tampered', cause).catch(() => undefined));
  let loadingBanner: Promise<void> | null = null;
  let checkedUrl = '';
  let generation = 0;

  const orphaned = (): boolean => {
    if (runtime.id() !== undefined) return false;
    guard.stop();
    runtime.onMessage.removeListener(onBackgroundMessage);
    return true;
  };

  /** The banner part: in the page already when the background injected it with this script, else asked for. */
  const bannerPart = async (): Promise<BannerPart | undefined> => {
    if (parts.banner === undefined) {
      // A failed load is forgotten, so the next verdict that needs the part asks again.
      loadingBanner ??= client.send('page/load-part', { part: 'banner' }).then(
        () => undefined,
        () => void (loadingBanner = null),
      );
      await loadingBanner;
    }
    return parts.banner;
  };

  const apply = async (context: PageContext, url: string, run: number): Promise<void> => {
    if (run !== generation || orphaned()) return;
    if (!shouldShowBanner(context)) {
      guard.hide();
      return;
    }
    const { result } = context;
    if (presentation(context) === 'block-page') {
      client.send('page/redirect-blocked', { url }).catch(() => undefined);
    }
    const banner = await bannerPart();
    if (banner === undefined || run !== generation) return;
    await banner.show({
      context,
      url,
      guard,
      // The background leaves the site, past any entries it pushed; one step back if it cannot answer.
      onGoBack: () => {
        client.send('tab/leave-site', {}).catch(() => win.history.back());
      },
      onDetails: () => {
        client.send('page/open-details', { url: win.location.href }).catch(() => undefined);
      },
      onDismiss: () => {
        // Hidden once the background has stored it, so a reload right after cannot race the write.
        client
          .send('dismiss/add', { host: result.host })
          .catch(() => undefined)
          .finally(() => {
            if (run === generation) guard.hide();
          });
      },
    });
  };

  const check = async (): Promise<void> => {
    const url = win.location.href;
    const page = withoutFragment(url);
    if (orphaned() || page === checkedUrl) return;
    checkedUrl = page;
    const run = ++generation;
    let context: PageContext;
    try {
      context = await client.send('page/context', { url });
    } catch {
      if (run === generation) checkedUrl = '';
      return;
    }
    await apply(context, url, run);
  };

  // The URL is always read from `location`, never from an event: a page can fire `popstate` itself.
  // In-page navigations (pushState) and registry or settings changes reach us from the background,
  // which sees them through `webNavigation` without a watcher in every page.
  win.addEventListener('popstate', () => win.setTimeout(() => void check(), 0));
  function onBackgroundMessage(message: unknown, sender: { id?: string }): void {
    const own = runtime.id();
    if (own === undefined || sender.id !== own || !isRecheckMessage(message)) return;
    checkedUrl = '';
    void check();
  }
  runtime.onMessage.addListener(onBackgroundMessage);
  void check();
}
