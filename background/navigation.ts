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
 * in lib/verdict/present-page.ts; how each moment is judged, in
 * judge-navigation.ts.
 */
import { browser } from 'wxt/browser';
import type { RegistryService } from '../lib/engine/registry-service';
import type { EffectiveSettings } from '../lib/policy/types';
import { judgedAddress } from '../lib/url/judged-address';
import { forgetBadge } from './badge';
import { documentAddress, type Judge } from './judge-page';
import { judgeFrame, judgeFrameEarly, judgePage, type FrameDetails, type Moment } from './judge-navigation';
import { getsLinkMarks, type LinkMarksListener } from './link-marks';
import { startLoadTimer, stopLoadTimer } from './load-timers';
import { forgetPageScore } from './page-scores';
import { frameTarget } from './page-scripts';
import type { SettingsSource } from './settings-source';
import { forgetTrail, recordCommit } from './site-trail';

const ignore = () => undefined;

export function listenToNavigation(
  service: RegistryService,
  settings: SettingsSource,
  now: () => Date,
  linkMarks?: Pick<LinkMarksListener, 'historyUpdated'>,
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
  // On a search engine's page, also the link marks asking about later links (link-marks.ts); the
  // marks there run the sweep too.
  browser.webNavigation.onHistoryStateUpdated.addListener((details) => {
    if (details.frameId === 0) forgetPageScore(details.tabId);
    linkMarks?.historyUpdated(details);
    top(details, 'history', getsLinkMarks(details.url));
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
