/**
 * Judging documents from the background: the address a document is judged
 * by, its verdict and dismissal, the sites its frames show, and what the tab's
 * page presents (lib/verdict/present-page.ts decides; this file gathers).
 */
import { browser } from 'wxt/browser';
import type { RegistryService } from '../lib/engine/registry-service';
import { markedSiteOfHost } from '../lib/links/marked-site-for';
import type { EffectiveSettings } from '../lib/policy/types';
import { isLocalDocument, judgedAddress } from '../lib/url/judged-address';
import { presentPage, type JudgedDocument, type Presentation } from '../lib/verdict/present-page';
import { WARNING_VERDICTS } from '../lib/verdict/types';
import { isDismissed } from './dismissals';
import { detectorScoreFor } from './detector-score';
import { frameSelector, type FrameTarget } from './page-scripts';
import type { SettingsSource } from './settings-source';

/** What judging a page takes: the registry, the settings and the clock. */
export interface Judge {
  service: RegistryService;
  settings: SettingsSource;
  now: () => Date;
}

/**
 * The effective settings, read while the registry starts reading what a verdict of `address` needs:
 * a woken worker does both at once instead of one after the other (RegistryService.prepare).
 */
export async function settingsFor({ service, settings }: Judge, address: string): Promise<EffectiveSettings> {
  service.prepare(address);
  return (await settings.get()).effective;
}

/** A judged document with the address it was judged by. */
export interface JudgedAt extends JudgedDocument {
  address: string;
}

export async function judgeAddress(
  { service, now }: Judge,
  effective: EffectiveSettings,
  address: string,
  score?: number,
): Promise<JudgedAt> {
  const result = await service.verdict(address, effective, score);
  // Dismissals are read only where they can matter: a warning the user may dismiss.
  const dismissed =
    effective.allowBypass && WARNING_VERDICTS.has(result.verdict) && (await isDismissed(result.host, now()));
  return { address, result, dismissed };
}

/**
 * The origins of `about:` documents already asked, by document: the commit, parse and load of one
 * document ask once. Each question makes an isolated world in the document, which costs the next
 * page loaded in the tab (bench/README.md), so it is not asked again.
 */
const askedOrigins = new Map<string, Promise<string | undefined>>();
/** Documents remembered at most; the oldest is forgotten first. */
const MAX_ASKED = 64;

function askOrigin(frame: FrameTarget): Promise<string | undefined> {
  const known = frame.documentId === undefined ? undefined : askedOrigins.get(frame.documentId);
  if (known !== undefined) return known;
  const asked = browser.scripting
    .executeScript({ target: frameSelector(frame), func: () => self.origin, injectImmediately: true })
    .then(
      ([answer]) => (typeof answer?.result === 'string' ? answer.result : undefined),
      () => undefined,
    );
  if (frame.documentId !== undefined) {
    askedOrigins.set(frame.documentId, asked);
    for (const oldest of askedOrigins.keys()) {
      if (askedOrigins.size <= MAX_ASKED) break;
      askedOrigins.delete(oldest);
    }
  }
  return asked;
}

/**
 * The address `url`'s document is judged by. An `about:` document is asked its origin, from the
 * extension's isolated world, where the page cannot answer in its place.
 */
export async function documentAddress(
  frame: FrameTarget,
  url: string,
  origin?: string,
): Promise<string | null> {
  if (!isLocalDocument(url) || origin !== undefined) return judgedAddress(url, origin);
  return judgedAddress(url, await askOrigin(frame));
}

/** At most this many frames of a page are judged: a page cannot make the background's work endless. */
const MAX_FRAMES = 64;

/**
 * The sites the tab's frames show with a warning. An `about:` frame belongs to the frame that made
 * it, which is judged itself, so only web and blob: frames are looked at.
 */
export async function framedSites(
  judge: Judge,
  effective: EffectiveSettings,
  tabId: number,
): Promise<JudgedAt[]> {
  const frames = (await browser.webNavigation.getAllFrames({ tabId }).catch(() => null)) ?? [];
  const addresses = new Set<string>();
  for (const frame of frames) {
    const address = frame.frameId === 0 || frame.errorOccurred ? null : judgedAddress(frame.url);
    if (address !== null && addresses.size < MAX_FRAMES) addresses.add(address);
  }
  const judged = await Promise.all([...addresses].map((address) => judgeAddress(judge, effective, address)));
  return judged.filter(({ result }) => WARNING_VERDICTS.has(result.verdict));
}

/** What the tab's page presents, its own judgement, and the framed site's when that is what it shows. */
export interface TopPresentation {
  presentation: Presentation;
  own: JudgedAt;
  shown: JudgedAt | null;
}

const isMarkedSite = (host: string) => markedSiteOfHost(host) !== null;

export async function presentTop(
  judge: Judge,
  effective: EffectiveSettings,
  tabId: number,
  address: string,
  options: { frames: boolean },
): Promise<TopPresentation> {
  const own = await judgeAddress(
    judge,
    effective,
    address,
    await detectorScoreFor(tabId, address, judge.now()),
  );
  const framed = options.frames ? await framedSites(judge, effective, tabId) : [];
  const presentation = presentPage({ frame: 'top', own, framed, isMarkedSite }, effective);
  const about = presentation.show === 'nothing' ? null : presentation.about;
  const shown =
    about === null ? null : about === own.result ? own : (framed.find((f) => f.result === about) ?? null);
  return { presentation, own, shown };
}
