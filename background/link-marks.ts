/**
 * The link marks' content code goes only into pages of the table's sites
 * (lib/links/marked-sites.ts), once each has loaded: it then takes nothing
 * from the page's own load (bench/browser/link-marks.ts). The browser's navigation
 * filter, made from the table, keeps every other page from waking the worker;
 * the table's exact test follows it.
 *
 * The links the page has by then are read and judged first, and their marks
 * handed to the content code as it starts: the page then spends nothing on
 * messaging (nor on waking the extension's APIs in its world) unless links
 * come later.
 */
import { browser } from 'wxt/browser';
import { MAX_LINK_LENGTH } from '../lib/links/link-target';
import { markedSiteFor, navigationFilters } from '../lib/links/marked-site-for';
import {
  LINK_MARKS_FILE,
  LINK_MARKS_SEED,
  MAX_LINK_BATCH,
  type LinkMarksSeed,
} from '../lib/messaging/protocol';
import { judgeLinks, type LinkJudgeDeps } from './judge-links';
import { frameSelector, frameTarget, injectFiles, type FrameTarget } from './page-scripts';

export function listenForMarkedSites(deps: LinkJudgeDeps): void {
  browser.webNavigation.onCompleted.addListener(
    (details) => {
      if (details.frameId !== 0 || markedSiteFor(details.url) === null) return;
      markLinks(deps, frameTarget(details), details.url).catch(() => undefined);
    },
    { url: navigationFilters() },
  );
}

async function markLinks(deps: LinkJudgeDeps, frame: FrameTarget, pageUrl: string): Promise<void> {
  const target = frameSelector(frame);
  const [read] = await browser.scripting.executeScript({
    target,
    injectImmediately: true,
    func: pageLinks,
    args: [MAX_LINK_BATCH, MAX_LINK_LENGTH],
  });
  const links = Array.isArray(read?.result) ? read.result.filter((link) => typeof link === 'string') : [];
  const seed: LinkMarksSeed = { links, answer: await judgeLinks(deps, links, pageUrl) };
  await browser.scripting.executeScript({
    target,
    injectImmediately: true,
    func: (key: string, value: LinkMarksSeed) => {
      (globalThis as Record<string, unknown>)[key] = value;
    },
    args: [LINK_MARKS_SEED, seed],
  });
  await injectFiles(frame, [LINK_MARKS_FILE]);
}

/** Runs in the page's isolated world: its first links, as the link marks would send them. */
function pageLinks(max: number, maxLength: number): string[] {
  const links = new Set<string>();
  for (const anchor of Array.from(document.querySelectorAll('a[href]'))) {
    const href: unknown = (anchor as HTMLAnchorElement).href;
    if (typeof href === 'string' && href.length <= maxLength && /^(?:https?|tg):/i.test(href))
      links.add(href);
    if (links.size === max) break;
  }
  return [...links];
}
