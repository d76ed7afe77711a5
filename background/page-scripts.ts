/**
 * Getting the content code into pages, from the background: nothing is
 * declared in the manifest, and nothing of ours runs in an ordinary page
 * before it has loaded, so it loads as it would without Qorgan.
 *
 * - Once a page is parsed (DOMContentLoaded), its address gives a verdict. A
 *   page that needs a banner gets the banner part and the page script then,
 *   so the banner is up while images and the rest are still loading.
 * - Once a page has loaded, it gets the guard that keeps forged
 *   `<qorgan-banner>` elements out; a page the registry knows nothing of also
 *   gets the unregistered-exchange detector, run at the page's next idle
 *   moment. A score that reaches the threshold makes it a banner page.
 * - In-page navigations and registry or settings changes judge the page again.
 *
 * The page script (when present) re-checks on `RECHECK_MESSAGE`. See
 * components/page-parts.ts for how the parts meet in the page.
 */
import {
  PAGE_PART_FILES,
  PAGE_PARTS_GLOBAL,
  PAGE_SCRIPT_GLOBAL,
  RECHECK_MESSAGE,
  type PagePart,
} from '../lib/messaging/protocol';
import type { EffectiveSettings } from '../lib/policy/types';
import { WARNING_VERDICTS, type VerdictResult } from '../lib/verdict/types';
import { isDismissed } from './dismissals';

const PAGE_SCRIPT_FILE = '/page-watch.js';

/** One frame: by document where the browser names documents (Chrome), else by frame. */
export interface FrameTarget {
  tabId: number;
  frameId: number;
  documentId?: string;
}

export function frameTarget(details: { tabId: number; frameId: number; documentId?: string }): FrameTarget {
  return {
    tabId: details.tabId,
    frameId: details.frameId,
    ...(details.documentId ? { documentId: details.documentId } : {}),
  };
}

function target(frame: FrameTarget) {
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
  await browser.scripting.executeScript({ target: target(frame), files, injectImmediately: true });
}

/** A banner verdict the user has not dismissed. */
export async function needsBanner(
  result: VerdictResult,
  effective: EffectiveSettings,
  now: Date,
): Promise<boolean> {
  if (!WARNING_VERDICTS.has(result.verdict)) return false;
  return !(effective.allowBypass && (await isDismissed(result.host, now)));
}

/**
 * Makes sure the page runs the page script with the banner part. In a document just parsed
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
      target: target(frame),
      args: [PAGE_SCRIPT_GLOBAL],
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

/** The guard against forged banners, and the detector, registered in the page (no scoring yet). */
export async function injectGuard(frame: FrameTarget): Promise<void> {
  await injectFiles(frame, [partFile('detector')]);
}

interface DetectorReport {
  score: number;
  signals: string[];
}

/**
 * Runs the detector (injected with the guard before) on the page at its next idle moment and
 * returns a score that reaches the threshold, or null. The function runs in the extension's isolated world of the page, where the
 * detector part registered itself; it is serialised, so the parts' global comes as an argument.
 */
export async function detect(frame: FrameTarget, host: string): Promise<DetectorReport | null> {
  const [answer] = await browser.scripting.executeScript({
    target: target(frame),
    args: [host, PAGE_PARTS_GLOBAL],
    func: (pageHost: string, key: string) =>
      new Promise<unknown>((resolve) => {
        const world = globalThis as unknown as Record<
          string,
          { detector?: { assess(d: Document, h: string): unknown } }
        >;
        const parts = world[key];
        requestIdleCallback(() => resolve(parts?.detector?.assess(document, pageHost) ?? null), {
          timeout: 3000,
        });
      }),
  });
  return readReport(answer?.result);
}

function readReport(value: unknown): DetectorReport | null {
  if (typeof value !== 'object' || value === null) return null;
  const { score, signals } = value as { score?: unknown; signals?: unknown };
  if (typeof score !== 'number' || !Number.isFinite(score)) return null;
  return {
    score,
    signals: Array.isArray(signals)
      ? signals.filter((signal): signal is string => typeof signal === 'string')
      : [],
  };
}
