/**
 * The link marks' content code goes only into pages of the table's sites
 * (lib/links/marked-sites.ts), once each has loaded: it then takes nothing
 * from the page's own load (bench/browser/link-marks.ts). The browser's navigation
 * filter, made from the table, keeps every other page from waking the worker;
 * the table's exact test follows it.
 *
 * The content code's first scan of the page's links is the result of its
 * injection: those links are judged here and their marks handed back to it,
 * so the page reads its links once and spends nothing on messaging (nor on
 * waking the extension's APIs in its world) unless links come later.
 */
import { browser } from 'wxt/browser';
import { markedSiteFor, navigationFilters } from '../lib/links/marked-site-for';
import {
  LINK_MARKS_FILE,
  LINK_MARKS_SEED,
  MAX_LINK_BATCH,
  type LinkMarksSeed,
} from '../lib/messaging/protocol';
import { judgeLinks, type LinkJudgeDeps } from './judge-links';
import { frameSelector, frameTarget, type FrameTarget } from './page-scripts';

/**
 * True when the loaded top-level page at `url` gets the link marks. Their content code also runs
 * the sweep of forged banners in its own world, so judge-navigation.ts does not inject the sweep into
 * such a page's main world as well: one world entered instead of two.
 */
export function getsLinkMarks(url: string): boolean {
  return markedSiteFor(url) !== null;
}

export function listenForMarkedSites(deps: LinkJudgeDeps): void {
  browser.webNavigation.onCompleted.addListener(
    (details) => {
      if (details.frameId !== 0 || !getsLinkMarks(details.url)) return;
      markLinks(deps, frameTarget(details), details.url).catch(() => undefined);
    },
    { url: navigationFilters() },
  );
}

async function markLinks(deps: LinkJudgeDeps, frame: FrameTarget, pageUrl: string): Promise<void> {
  const target = frameSelector(frame);
  const [started] = await browser.scripting.executeScript({
    target,
    injectImmediately: true,
    files: [LINK_MARKS_FILE],
  });
  const read: unknown = started?.result;
  const links = Array.isArray(read)
    ? read.filter((link): link is string => typeof link === 'string').slice(0, MAX_LINK_BATCH)
    : [];
  // Unjudged (none yet, or the registry could not answer), links go to the background by message.
  const seed: LinkMarksSeed | null =
    links.length === 0
      ? null
      : await judgeLinks(deps, links, pageUrl).then(
          (answer) => ({ links, answer }),
          () => null,
        );
  await browser.scripting.executeScript({
    target,
    injectImmediately: true,
    func: (key: string, value: LinkMarksSeed | null) => {
      const take = (globalThis as Record<string, unknown>)[key];
      if (typeof take === 'function') take(value);
    },
    args: [LINK_MARKS_SEED, seed],
  });
}
