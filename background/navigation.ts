/**
 * Navigation hooks. Each top-level page is judged from its address once it is
 * parsed (its badge, and the banner's content code when it needs a banner),
 * again once it has loaded (the sweep of forged banners, and the unregistered
 * detector's sample where the registry knows nothing of the page), and again
 * after in-page navigations and registry or settings changes. It listens to
 * navigations about to start only while block mode is on: those go to the
 * block page before the site loads (see docs/enterprise.md for why
 * webNavigation).
 */
import { browser } from 'wxt/browser';
import { scorePage, UNREGISTERED_THRESHOLD } from '../lib/detect/unregistered';
import type { RegistryService } from '../lib/engine/registry-service';
import type { EffectiveSettings } from '../lib/policy/types';
import type { VerdictResult } from '../lib/verdict/types';
import { wantsDetection } from '../lib/verdict/wants-detection';
import { forgetBadge, showVerdictBadge } from './badge';
import { toBlockPage, type Judge } from './block-page';
import { forgetPageScore, pageScoreFor, rememberPageScore } from './page-scores';
import {
  checkLoadedPage,
  ensureBanner,
  frameTarget,
  needsBanner,
  recheck,
  type FrameTarget,
} from './page-scripts';
import type { SettingsSource } from './settings-source';

const WEB = /^https?:/i;

/** When a page is judged: once parsed (DOMContentLoaded), once loaded, after an in-page navigation, or after a change of registry or settings (to a page loaded or still loading). */
type Moment = 'parsed' | 'load' | 'history' | 'change' | 'change-while-loading';

type BeforeNavigateDetails = { tabId: number; frameId: number; url: string };

export function listenToNavigation(
  service: RegistryService,
  settings: SettingsSource,
  now: () => Date,
): { applySettings(effective: EffectiveSettings): void } {
  const judge: Judge = { service, settings, now };

  const onBeforeNavigate = (details: BeforeNavigateDetails) => {
    if (details.frameId !== 0 || !WEB.test(details.url)) return;
    toBlockPage(judge, details.tabId, details.url).catch(() => undefined);
  };

  // A page is judged once it is parsed: still before its images and the rest have loaded, and
  // later than its commit, when its own parsing has the most to do (see bench/README.md).
  browser.webNavigation.onDOMContentLoaded.addListener((details) => {
    if (details.frameId !== 0) return;
    forgetPageScore(details.tabId);
    // The browser reset the tab's badge when the new document committed.
    forgetBadge(details.tabId);
    if (!WEB.test(details.url)) return;
    void (async () => {
      // Block mode, when the worker started too late to see the navigation begin.
      if (await toBlockPage(judge, details.tabId, details.url)) return;
      await judgePage(judge, frameTarget(details), details.url, 'parsed');
    })().catch(() => undefined);
  });
  browser.webNavigation.onCompleted.addListener((details) => {
    if (details.frameId !== 0 || !WEB.test(details.url)) return;
    void judgePage(judge, frameTarget(details), details.url, 'load').catch(() => undefined);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    forgetPageScore(tabId);
    forgetBadge(tabId);
  });

  // In-page navigations (history.pushState): the same document at a new address.
  browser.webNavigation.onHistoryStateUpdated.addListener((details) => {
    if (details.frameId !== 0 || !WEB.test(details.url)) return;
    forgetPageScore(details.tabId);
    void judgePage(judge, frameTarget(details), details.url, 'history').catch(() => undefined);
  });

  return {
    applySettings(effective) {
      const listening = browser.webNavigation.onBeforeNavigate.hasListener(onBeforeNavigate);
      if (effective.blockMode === 'block' && !listening)
        browser.webNavigation.onBeforeNavigate.addListener(onBeforeNavigate);
      else if (effective.blockMode !== 'block' && listening)
        browser.webNavigation.onBeforeNavigate.removeListener(onBeforeNavigate);
    },
  };
}

/**
 * Judges one page and gets it the content code it needs (see page-scripts.ts). Errors (a tab
 * closed or navigated meanwhile, a page the extension may not script) end the attempt.
 */
export async function judgePage(
  judge: Judge,
  frame: FrameTarget,
  url: string,
  moment: Moment,
): Promise<void> {
  const { service, settings, now } = judge;
  const { effective } = await settings.get();
  const result = await verdictWithBadge(service, effective, frame.tabId, url);
  if (await needsBanner(result, effective, now())) {
    await ensureBanner(frame, {
      fresh: moment === 'parsed',
      recheck: moment !== 'parsed' && moment !== 'load',
    });
    return;
  }
  // Nothing more runs in a page before it has loaded: the rest waits for its load event.
  if (moment === 'parsed') return;
  // A page script already in the page (it had a banner) hears of the new verdict and hides it.
  if (moment !== 'load') await recheck(frame.tabId);
  // A page still loading gets the sweep and the sampler from its load event.
  if (moment === 'change-while-loading') return;
  const wanted =
    wantsDetection(result, effective.detectUnregistered) && pageScoreFor(frame.tabId, url) === undefined;
  const sample = await checkLoadedPage(frame, wanted);
  if (sample === null) return;
  const { score } = scorePage(sample, result.host);
  if (score < UNREGISTERED_THRESHOLD) return;
  rememberPageScore(frame.tabId, url, score);
  const judged = await verdictWithBadge(service, effective, frame.tabId, url);
  if (await needsBanner(judged, effective, now())) await ensureBanner(frame, { fresh: false, recheck: true });
}

async function verdictWithBadge(
  service: RegistryService,
  effective: EffectiveSettings,
  tabId: number,
  url: string,
): Promise<VerdictResult> {
  const result = await service.verdict(url, effective, pageScoreFor(tabId, url));
  await showVerdictBadge(tabId, result.verdict);
  return result;
}

/**
 * After a registry or settings change (a policy can arrive seconds after the
 * browser starts), every open tab is judged again: its badge, the block page
 * in block mode, its banner, and the detector where it is now wanted.
 */
export async function reapplyToAllTabs(
  service: RegistryService,
  settings: SettingsSource,
  now: () => Date,
): Promise<void> {
  const tabs = await browser.tabs.query({});
  const judge: Judge = { service, settings, now };
  await Promise.all(
    tabs.map(async (tab) => {
      if (tab.id === undefined || !tab.url) return;
      if (!WEB.test(tab.url)) {
        await showVerdictBadge(tab.id, 'unknown');
        return;
      }
      if (await toBlockPage(judge, tab.id, tab.url)) return;
      const moment = tab.status === 'loading' ? 'change-while-loading' : 'change';
      await judgePage(judge, { tabId: tab.id, frameId: 0 }, tab.url, moment).catch(() => undefined);
    }),
  );
}
