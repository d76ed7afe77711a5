/**
 * Judging a page at each moment of its life (see navigation.ts for when):
 * what it presents (lib/verdict/present-page.ts) and what it is given for
 * it: the block page, the banner, the badge, and once it has loaded the
 * sweep and the detector's sample. Also the frames of a page, judged as they
 * commit, and every open tab after a change of registry or settings.
 */
import { browser } from 'wxt/browser';
import { scorePage, UNREGISTERED_THRESHOLD } from '../lib/detect/unregistered';
import type { RegistryService } from '../lib/engine/registry-service';
import { judgedAddress } from '../lib/url/judged-address';
import { presentPage } from '../lib/verdict/present-page';
import { showVerdictBadge } from './badge';
import { showBlockPage } from './block-page';
import { noteDetectorScore } from './exchanger-sites';
import { documentAddress, judgeAddress, presentTop, settingsFor, type Judge } from './judge-page';
import { refreshLinkMarks } from './link-marks';
import { hasLoadTimer, startLoadTimer } from './load-timers';
import { pageScoreFor, rememberPageScore } from './page-scores';
import { checkLoadedPage, ensureBanner, recheck, type FrameTarget } from './page-scripts';
import type { SettingsSource } from './settings-source';
import { recordFramed } from './site-trail';

/**
 * When a page is judged: as it commits, once parsed (DOMContentLoaded), once loaded, after an
 * in-page navigation, after one of its frames showed a warned site, or after a change of registry
 * or settings (to a page loaded or still loading).
 */
export type Moment =
  'committed' | 'parsed' | 'load' | 'history' | 'framed' | 'change' | 'change-while-loading';

export type FrameDetails = { tabId: number; frameId: number; url: string; documentId?: string | undefined };

const ignore = () => undefined;

/** Block mode: a page or frame whose address belongs on the block page sends the tab there before it loads. */
export async function judgeFrameEarly(judge: Judge, details: FrameDetails): Promise<void> {
  const { effective } = await judge.settings.get();
  if (effective.blockMode !== 'block') return;
  const own = await judgeAddress(judge, effective, details.url);
  const frame = details.frameId === 0 ? 'top' : 'sub';
  if (presentPage({ frame, own }, effective).show !== 'block-page') return;
  if (frame === 'sub') await recordFramed(details.tabId, details.url);
  await showBlockPage(details.tabId, details.url);
}

/** A frame committed: a warned site in it gets its banner in the top frame, or the tab the block page. */
export async function judgeFrame(judge: Judge, details: FrameDetails): Promise<void> {
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
      // Link marks already in a loaded page ask about their links again.
      if (moment === 'change') void refreshLinkMarks(tab.id, tab.url).catch(ignore);
      // A page that started loading before this worker listened (its first second, a session
      // restore) may never send the load event the rest waits for: stand in for it, unless its
      // DOMContentLoaded already did.
      if (moment === 'change-while-loading' && !hasLoadTimer(tab.id)) {
        startLoadTimer(tab.id, () => void judgePage(judge, frame, address, 'load').catch(ignore));
      }
      await judgePage(judge, frame, address, moment).catch(ignore);
    }),
  );
}
