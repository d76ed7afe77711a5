/**
 * Navigation hooks. Each top-level document is judged as it commits (its
 * badge, the block page, and the banner's content code when it needs a
 * banner), again once parsed (a second try at the banner, and the sites its
 * frames show), once loaded (the sweep of forged banners, and the
 * unregistered detector's sample where the registry knows nothing of the
 * page), and after in-page navigations and registry or settings changes. A
 * frame is judged as it commits: one that needs a banner gives the top frame
 * a banner naming the framed site, one that belongs on the block page sends
 * the tab there. Navigations about to start are watched only while block mode
 * is on: those go to the block page before the site loads (see
 * docs/enterprise.md for why webNavigation). What a page presents is decided
 * in lib/verdict/present-page.ts.
 */
import { browser } from 'wxt/browser';
import { scorePage, UNREGISTERED_THRESHOLD } from '../lib/detect/unregistered';
import type { RegistryService } from '../lib/engine/registry-service';
import type { EffectiveSettings } from '../lib/policy/types';
import { judgedAddress } from '../lib/url/judged-address';
import { presentPage } from '../lib/verdict/present-page';
import { forgetBadge, showVerdictBadge } from './badge';
import { showBlockPage } from './block-page';
import { noteDetectorScore } from './exchanger-sites';
import { documentAddress, judgeAddress, presentTop, settingsFor, type Judge } from './judge-page';
import { getsLinkMarks } from './link-marks';
import { forgetPageScore, pageScoreFor, rememberPageScore } from './page-scores';
import { checkLoadedPage, ensureBanner, frameTarget, recheck, type FrameTarget } from './page-scripts';
import type { SettingsSource } from './settings-source';
import { forgetTrail, recordCommit, recordFramed } from './site-trail';

/**
 * When a page is judged: as it commits, once parsed (DOMContentLoaded), once loaded, after an
 * in-page navigation, after one of its frames showed a warned site, or after a change of registry
 * or settings (to a page loaded or still loading).
 */
type Moment = 'committed' | 'parsed' | 'load' | 'history' | 'framed' | 'change' | 'change-while-loading';

type FrameDetails = { tabId: number; frameId: number; url: string; documentId?: string | undefined };

const ignore = () => undefined;

/**
 * A page whose load event has not come this long after it was parsed (an image or a frame that
 * never finishes, perhaps on purpose) is treated as loaded: it gets the sweep and the sampler then.
 */
export const LOAD_WAIT_MS = 5_000;

/** Per tab: the timer standing in for the page's load event, and whether it already ran. */
const loadTimers = new Map<number, { timer: ReturnType<typeof setTimeout>; ran: boolean }>();

/** Stops the tab's stand-in for the load event; true when it had already run. */
function stopLoadTimer(tabId: number): boolean {
  const known = loadTimers.get(tabId);
  if (known !== undefined) clearTimeout(known.timer);
  loadTimers.delete(tabId);
  return known?.ran === true;
}

/** Runs `asLoaded` for the tab's page if its load event has not come within LOAD_WAIT_MS. */
function startLoadTimer(tabId: number, asLoaded: () => void): void {
  stopLoadTimer(tabId);
  const entry = {
    ran: false,
    timer: setTimeout(() => {
      entry.ran = true;
      asLoaded();
    }, LOAD_WAIT_MS),
  };
  loadTimers.set(tabId, entry);
}

export function listenToNavigation(
  service: RegistryService,
  settings: SettingsSource,
  now: () => Date,
): { applySettings(effective: EffectiveSettings): void } {
  const judge: Judge = { service, settings, now };
  const top = (details: FrameDetails, moment: Moment, sweptByLinkMarks = false) => {
    if (details.frameId !== 0) return;
    void (async () => {
      const address = await documentAddress(frameTarget(details), details.url);
      if (address !== null) await judgePage(judge, frameTarget(details), address, moment, sweptByLinkMarks);
    })().catch(ignore);
  };

  const onBeforeNavigate = (details: FrameDetails) => {
    if (judgedAddress(details.url) === details.url) void judgeFrameEarly(judge, details).catch(ignore);
  };

  browser.webNavigation.onCommitted.addListener((details) => {
    if (details.frameId !== 0) {
      void judgeFrame(judge, details).catch(ignore);
      return;
    }
    // The browser reset the tab's badge when the new document committed.
    stopLoadTimer(details.tabId);
    forgetPageScore(details.tabId);
    forgetBadge(details.tabId);
    void (async () => {
      const frame = frameTarget(details);
      const address = await documentAddress(frame, details.url);
      // The trail keeps its own order (one queue per tab); the banner does not wait for it.
      await Promise.all([
        recordCommit(details.tabId, details.url, address),
        address === null ? undefined : judgePage(judge, frame, address, 'committed'),
      ]);
    })().catch(ignore);
  });
  // The DOMContentLoaded path stays the fast one where the browser could not inject at commit.
  browser.webNavigation.onDOMContentLoaded.addListener((details) => {
    if (details.frameId === 0) startLoadTimer(details.tabId, () => top(details, 'load'));
    top(details, 'parsed');
  });
  browser.webNavigation.onCompleted.addListener((details) => {
    // The page was already judged as loaded when its load event was late.
    if (details.frameId === 0 && stopLoadTimer(details.tabId)) return;
    top(details, 'load', getsLinkMarks(details.url));
  });
  // In-page navigations (history.pushState): the same document at a new address.
  browser.webNavigation.onHistoryStateUpdated.addListener((details) => {
    if (details.frameId === 0) forgetPageScore(details.tabId);
    top(details, 'history');
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    stopLoadTimer(tabId);
    forgetPageScore(tabId);
    forgetBadge(tabId);
    void forgetTrail(tabId).catch(ignore);
  });
  // Telegram Web opens a chat by changing the fragment; a chat with a listed bot has its verdict.
  browser.webNavigation.onReferenceFragmentUpdated.addListener(
    (details) => {
      if (details.frameId !== 0) return;
      void judgePage(judge, frameTarget(details), details.url, 'history').catch(() => undefined);
    },
    { url: [{ hostEquals: 'web.telegram.org' }] },
  );

  return {
    applySettings(effective) {
      const event = browser.webNavigation.onBeforeNavigate;
      const listening = event.hasListener(onBeforeNavigate);
      if (effective.blockMode === 'block' && !listening) event.addListener(onBeforeNavigate);
      else if (effective.blockMode !== 'block' && listening) event.removeListener(onBeforeNavigate);
    },
  };
}

/** Block mode: a page or frame whose address belongs on the block page sends the tab there before it loads. */
async function judgeFrameEarly(judge: Judge, details: FrameDetails): Promise<void> {
  const { effective } = await judge.settings.get();
  if (effective.blockMode !== 'block') return;
  const own = await judgeAddress(judge, effective, details.url);
  const frame = details.frameId === 0 ? 'top' : 'sub';
  if (presentPage({ frame, own }, effective).show !== 'block-page') return;
  if (frame === 'sub') await recordFramed(details.tabId, details.url);
  await showBlockPage(details.tabId, details.url);
}

/** A frame committed: a warned site in it gets its banner in the top frame, or the tab the block page. */
async function judgeFrame(judge: Judge, details: FrameDetails): Promise<void> {
  const address = judgedAddress(details.url);
  if (address === null) return;
  const effective = await settingsFor(judge, address);
  const own = await judgeAddress(judge, effective, address);
  if (presentPage({ frame: 'sub', own }, effective).show === 'nothing') return;
  await recordFramed(details.tabId, address);
  const page = await browser.webNavigation.getFrame({ tabId: details.tabId, frameId: 0 });
  const topFrame = { tabId: details.tabId, frameId: 0 };
  const topAddress = page ? await documentAddress(topFrame, page.url) : null;
  if (topAddress !== null) await judgePage(judge, topFrame, topAddress, 'framed');
}

/**
 * Judges the tab's page and gets it what it presents: the block page, the banner (see
 * page-scripts.ts), or, once loaded, the sweep and the detector's sample. Errors (a tab closed or
 * navigated meanwhile, a page the extension may not script) end the attempt. `sweptByLinkMarks`:
 * the page is getting the link marks as it loads, and with them the sweep (link-marks.ts).
 */
export async function judgePage(
  judge: Judge,
  frame: FrameTarget,
  address: string,
  moment: Moment,
  sweptByLinkMarks = false,
): Promise<void> {
  // A worker woken by this navigation reads the registry and its settings at once.
  const effective = await settingsFor(judge, address);
  // A document just committed has no frames yet.
  const judged = await presentTop(judge, effective, frame.tabId, address, { frames: moment !== 'committed' });
  const { presentation } = judged;
  // The badge and what the page gets go out together: neither waits for the other.
  const badge = showVerdictBadge(frame.tabId, (judged.shown ?? judged.own).result.verdict);
  if (presentation.show === 'block-page') {
    await Promise.all([badge, showBlockPage(frame.tabId, judged.shown?.address ?? address)]);
    return;
  }
  if (presentation.show === 'banner') {
    const again = moment !== 'committed' && moment !== 'parsed' && moment !== 'load';
    await Promise.all([badge, ensureBanner(frame, { fresh: moment === 'committed', recheck: again })]);
    return;
  }
  await badge;
  // Nothing more runs in a page before it has loaded: the rest waits for its load event.
  if (moment === 'committed' || moment === 'parsed' || moment === 'framed') return;
  // A page script already in the page (it had a banner) hears of the new verdict and hides it.
  if (moment !== 'load') await recheck(frame.tabId);
  // A page still loading gets the sweep and the sampler from its load event.
  if (moment === 'change-while-loading') return;
  const wanted = presentation.detect && pageScoreFor(frame.tabId, address) === undefined;
  if (!wanted && sweptByLinkMarks) return;
  const sample = await checkLoadedPage(frame, wanted);
  if (sample === null) return;
  const host = judged.own.result.host;
  const detected = scorePage(sample, host, address);
  if (detected.score < UNREGISTERED_THRESHOLD) return;
  rememberPageScore(frame.tabId, address, detected.score);
  await noteDetectorScore(host, detected, judge.now());
  const scored = await judgeAddress(judge, effective, address, detected.score);
  await showVerdictBadge(frame.tabId, scored.result.verdict);
  if (presentPage({ frame: 'top', own: scored }, effective).show === 'banner')
    await ensureBanner(frame, { fresh: false, recheck: true });
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
      const frame = { tabId: tab.id, frameId: 0 };
      const address = await documentAddress(frame, tab.url).catch(() => null);
      if (address === null) {
        await showVerdictBadge(tab.id, 'unknown');
        return;
      }
      const moment = tab.status === 'loading' ? 'change-while-loading' : 'change';
      // A page that started loading before this worker listened (its first second, a session
      // restore) may never send the load event the rest waits for: stand in for it, unless its
      // DOMContentLoaded already did.
      if (moment === 'change-while-loading' && !loadTimers.has(tab.id)) {
        startLoadTimer(tab.id, () => void judgePage(judge, frame, address, 'load').catch(ignore));
      }
      await judgePage(judge, frame, address, moment).catch(ignore);
    }),
  );
}
