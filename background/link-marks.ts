/**
 * The link marks' content code goes only into pages of the table's sites
 * (lib/links/marked-sites.ts), once each has loaded: it then takes nothing
 * from the page's own load (bench/browser/link-marks.ts). The browser's navigation
 * filter, made from the table, keeps every other page from waking the worker;
 * the table's exact test follows it.
 *
 * The content code's first scan of the page's links is the result of its
 * injection: those links are judged here and their marks handed back to it,
 * so the page reads its links once and spends nothing on messaging unless
 * links come later.
 *
 * Which world: an isolated world made in a page slows the next page loaded
 * in its tab by a few milliseconds, as its teardown falls into that load
 * (bench/README.md: 1.09–1.10× on the results page, 1.00× in the page's own
 * world). A search engine's pages are loaded one after another and bring
 * their links with them, so there the marks run in the page's own world and
 * ask about later links through page-world-channel.ts, which wakes this
 * worker with a history entry replaced by itself (`historyUpdated`). What
 * that gives away: the search engine's own scripts could read the marks'
 * properties, call them, or patch what the marks call, and so hide or forge
 * marks on their own page, which they could draw or hide anyway; they learn
 * nothing but the verdicts of links they could put in the page. A messenger
 * stays open and gets links all the time, from other people: there the marks
 * run in the extension's isolated world and message this worker.
 */
import { browser } from 'wxt/browser';
import { MAX_LINK_LENGTH } from '../lib/links/link-target';
import { markedSiteFor, navigationFilters } from '../lib/links/marked-site-for';
import type { MarkedSite } from '../lib/links/marked-sites';
import {
  LINK_MARKS_ANSWER,
  LINK_MARKS_ASKED,
  LINK_MARKS_FILE,
  LINK_MARKS_REFRESH,
  LINK_MARKS_SEED,
  MAX_LINK_BATCH,
  type LinkMarksSeed,
} from '../lib/messaging/protocol';
import { judgeLinks, type LinkJudgeDeps } from './judge-links';
import { createLinkAnswerer, type LinkAnswerer } from './link-verdicts';
import { frameSelector, frameTarget, type FrameTarget } from './page-scripts';

type World = 'MAIN' | 'ISOLATED';

/** The world the link marks run in on a site's pages (see above). */
export function linkMarksWorld(site: Pick<MarkedSite, 'kind'>): World {
  return site.kind === 'search' ? 'MAIN' : 'ISOLATED';
}

/**
 * True when the loaded top-level page at `url` gets the link marks. Their content code also runs
 * the sweep of forged banners in its own world, so judge-navigation.ts does not inject the sweep
 * into such a page's main world as well: one world entered instead of two.
 */
export function getsLinkMarks(url: string): boolean {
  return markedSiteFor(url) !== null;
}

export interface LinkMarksListener {
  /** A top-level page changed its history entry; a search page may be asking about later links. */
  historyUpdated(details: { tabId: number; frameId: number; url: string; documentId?: string }): void;
  /**
   * Marks the loaded pages of the table's sites that are open already: after an install or an
   * update, and at the browser's start, a page may have loaded before this worker listened. A page
   * that has the marks keeps them (the content code runs once per document).
   */
  markOpenTabs(): Promise<void>;
}

export function listenForMarkedSites(deps: LinkJudgeDeps): LinkMarksListener {
  const answer = createLinkAnswerer(deps);
  browser.webNavigation.onCompleted.addListener(
    (details) => {
      const site = details.frameId === 0 ? markedSiteFor(details.url) : null;
      if (site === null) return;
      markLinks(deps, frameTarget(details), details.url, linkMarksWorld(site)).catch(() => undefined);
    },
    { url: navigationFilters() },
  );
  return {
    historyUpdated(details) {
      const site = details.frameId === 0 ? markedSiteFor(details.url) : null;
      if (site === null || linkMarksWorld(site) !== 'MAIN') return;
      answerAskedLinks(answer, frameTarget(details), details.url).catch(() => undefined);
    },
    async markOpenTabs() {
      const tabs = await browser.tabs.query({ status: 'complete' });
      await Promise.all(
        tabs.map(async ({ id, url }) => {
          if (id === undefined || !url) return;
          const site = markedSiteFor(url);
          if (site === null) return;
          await markLinks(deps, { tabId: id, frameId: 0 }, url, linkMarksWorld(site)).catch(() => undefined);
        }),
      );
    },
  };
}

async function markLinks(
  deps: LinkJudgeDeps,
  frame: FrameTarget,
  pageUrl: string,
  world: World,
): Promise<void> {
  const target = frameSelector(frame);
  const [started] = await browser.scripting.executeScript({
    target,
    world,
    injectImmediately: true,
    files: [LINK_MARKS_FILE],
  });
  const read: unknown = started?.result;
  const links = Array.isArray(read)
    ? read.filter((link): link is string => typeof link === 'string').slice(0, MAX_LINK_BATCH)
    : [];
  // Unjudged (none yet, or the registry could not answer), links are asked about later.
  const seed: LinkMarksSeed | null =
    links.length === 0
      ? null
      : await judgeLinks(deps, links, pageUrl).then(
          (answer) => ({ links, answer }),
          () => null,
        );
  await callMarks(target, world, LINK_MARKS_SEED, seed, world === 'MAIN');
}

/**
 * Calls the running link marks' function at `key` of their world with `values` (the seed, a
 * refresh, an answer); a world without it (no marks there, or gone) is left as it is.
 */
async function callMarks(
  target: ReturnType<typeof frameSelector>,
  world: World,
  key: string,
  ...values: unknown[]
): Promise<void> {
  await browser.scripting.executeScript({
    target,
    world,
    injectImmediately: true,
    func: (name: string, ...given: unknown[]) => {
      const call = (globalThis as Record<string, unknown>)[name];
      if (typeof call === 'function') call(...given);
    },
    args: [key, ...values],
  });
}

/**
 * After a change of registry or settings: the link marks already in a loaded page of the table's
 * sites ask about every link again (their verdicts or their words may have changed). A page without
 * them gets nothing here; its marks come with its load, or with markOpenTabs.
 */
export async function refreshLinkMarks(tabId: number, url: string): Promise<void> {
  const site = markedSiteFor(url);
  if (site === null) return;
  await callMarks({ tabId, frameIds: [0] }, linkMarksWorld(site), LINK_MARKS_REFRESH);
}

/**
 * Takes the links a page-world page's marks wait to hear about, if any, and hands them their
 * answer, within the tab's rate (link-verdicts.ts). What the page hands over is checked there as a
 * message's links are: at most MAX_LINK_BATCH strings, each of bounded length, from a marked site.
 */
async function answerAskedLinks(answer: LinkAnswerer, frame: FrameTarget, pageUrl: string): Promise<void> {
  const target = frameSelector(frame);
  const [asked] = await browser.scripting.executeScript({
    target,
    world: 'MAIN',
    injectImmediately: true,
    // Cut to size in the page, so that a page answering with a huge list does not send it over.
    func: (key: string, most: number, longest: number) => {
      const take = (globalThis as Record<string, unknown>)[key];
      const asked: unknown = typeof take === 'function' ? take() : null;
      if (!Array.isArray(asked)) return null;
      const links: string[] = [];
      for (let i = 0; i < asked.length && links.length < most; i++) {
        const link: unknown = asked[i];
        if (typeof link === 'string' && link.length <= longest) links.push(link);
      }
      return links;
    },
    args: [LINK_MARKS_ASKED, MAX_LINK_BATCH, MAX_LINK_LENGTH],
  });
  const links: unknown = asked?.result;
  if (!Array.isArray(links) || links.length === 0) return;
  const verdicts = await answer(frame.tabId, pageUrl, links);
  await callMarks(target, 'MAIN', LINK_MARKS_ANSWER, verdicts);
}
