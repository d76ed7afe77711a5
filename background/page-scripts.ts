/**
 * Getting the content code into pages, from the background: nothing is
 * declared in the manifest, and nothing of ours runs in an ordinary page
 * before it has loaded, so it loads as it would without Qorgan.
 *
 * - Once a page commits, its address gives a verdict. A page that needs a
 *   banner gets the banner part and the page script then, so the banner is up
 *   while the page is still loading, even one whose response never ends or
 *   whose parsing waits for a script that never comes. DOMContentLoaded tries
 *   again where the browser could not inject at commit.
 * - Once a page without a banner has loaded, it gets, in its own main world,
 *   the sweep that keeps forged banner hosts (`[data-qorgan-banner]`) out; a page the
 *   registry knows nothing of also gets the sampler, which reads the page at
 *   its next idle moment for the unregistered-exchange detector. The
 *   background scores the sample; a score that reaches the threshold makes it
 *   a banner page.
 * - In-page navigations and registry or settings changes judge the page again.
 *
 * The page script (when present) re-checks on `RECHECK_MESSAGE`. See
 * components/page-parts.ts for how the parts meet in the page, and
 * components/banner/banner-sweep.ts for why the sweep and the sampler run in
 * the page's main world.
 */
import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import { readPageSample, type PageSample } from '../lib/detect/unregistered';
import { SAMPLER_TAMPERED } from '../lib/detect/unregistered/sampler-answer';
import {
  PAGE_PART_FILES,
  PAGE_SAMPLE_FILE,
  PAGE_SCRIPT_GLOBAL,
  PAGE_SWEEP_FILE,
  RECHECK_MESSAGE,
  type PagePart,
} from '../lib/messaging/protocol';
import { settleWithin } from './settle-within';

const PAGE_SCRIPT_FILE = '/page-watch.js';

/** One frame: by document where the browser names documents (Chrome), else by frame. */
export interface FrameTarget {
  tabId: number;
  frameId: number;
  documentId?: string;
}

export function frameTarget(details: {
  tabId: number;
  frameId: number;
  documentId?: string | undefined;
}): FrameTarget {
  return {
    tabId: details.tabId,
    frameId: details.frameId,
    ...(details.documentId ? { documentId: details.documentId } : {}),
  };
}

export function frameSelector(frame: FrameTarget) {
  return frame.documentId !== undefined
    ? { tabId: frame.tabId, documentIds: [frame.documentId] }
    : { tabId: frame.tabId, frameIds: [frame.frameId] };
}

function partFile(part: PagePart): string {
  const file = PAGE_PART_FILES.get(part);
  if (file === undefined) throw new Error(`no file for the page part "${part}"`);
  return file;
}

export async function injectFiles(frame: FrameTarget, files: string[]): Promise<void> {
  await browser.scripting.executeScript({
    target: frameSelector(frame),
    files: files as ScriptPublicPath[],
    injectImmediately: true,
  });
}

/**
 * Makes sure the page runs the page script with the banner part. In a document just committed
 * (`fresh`) none can run yet, so both are injected at once. Otherwise a page script that already
 * runs is told to check again when `recheck` is set (its page changed address, or the registry or
 * the settings changed), and only a page without one gets them. The banner part comes first: the
 * page script finds it in place and shows the banner with its first answer.
 */
export async function ensureBanner(
  frame: FrameTarget,
  options: { fresh: boolean; recheck: boolean },
): Promise<void> {
  if (!options.fresh) {
    const [answer] = await browser.scripting.executeScript({
      target: frameSelector(frame),
      args: [PAGE_SCRIPT_GLOBAL],
      injectImmediately: true,
      func: (key: string) => (globalThis as unknown as Record<string, unknown>)[key] === true,
    });
    if (answer?.result === true) {
      if (options.recheck) await recheck(frame.tabId);
      return;
    }
  }
  await injectFiles(frame, [partFile('banner'), PAGE_SCRIPT_FILE]);
}

/** Tells the tab's page script, if it has one, to ask for its page's verdict again. */
export async function recheck(tabId: number): Promise<void> {
  await browser.tabs.sendMessage(tabId, RECHECK_MESSAGE, { frameId: 0 }).catch(() => undefined);
}

/** A sample that does not come within this time (the page never idles, or stopped our code) counts as none. */
const SAMPLE_TIMEOUT_MS = 10_000;
/** The main world's sampler answers within its idle wait (3 s) unless the page stopped it. */
const MAIN_WORLD_WAIT_MS = 4_000;
const NO_ANSWER = Symbol('no answer');
/** The sampler for the extension's isolated world, where the page cannot patch what it calls. */
export const PAGE_SAMPLE_ISOLATED_FILE = '/page-sample-isolated.js';

/**
 * Gives a loaded page without a banner, in its main world, the sweep of forged banners and, with
 * `sample`, the sampler; resolves to the page's sample when it names a crypto-asset (validated:
 * the page could have shaped it), else null. The main world, not the extension's isolated one,
 * because an isolated world in a page slows the next page loaded in the tab (bench/README.md).
 */
export async function checkLoadedPage(frame: FrameTarget, sample: boolean): Promise<PageSample | null> {
  const injection = browser.scripting.executeScript({
    target: frameSelector(frame),
    files: sample ? [PAGE_SWEEP_FILE, PAGE_SAMPLE_FILE] : [PAGE_SWEEP_FILE],
    world: 'MAIN',
    injectImmediately: true,
  });
  if (!sample) {
    await injection;
    return null;
  }
  const answer: unknown = await settleWithin(
    injection.then(([first]) => first?.result as unknown),
    MAIN_WORLD_WAIT_MS,
    NO_ANSWER,
  );
  if (answer !== SAMPLER_TAMPERED && answer !== NO_ANSWER) return readPageSample(answer);
  // The page patched, broke or stalled the main world's sampler: read it where it cannot reach.
  const isolated = browser.scripting
    .executeScript({
      target: frameSelector(frame),
      files: [PAGE_SAMPLE_ISOLATED_FILE],
      injectImmediately: true,
    })
    .then(([first]) => first?.result as unknown);
  return readPageSample(await settleWithin(isolated, SAMPLE_TIMEOUT_MS, null));
}
