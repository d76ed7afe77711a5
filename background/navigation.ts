/**
 * Navigation hooks: the badge follows each top-level navigation, and in block
 * mode a navigation to a blocked target is sent to the extension's block page
 * before the site loads (see docs/enterprise.md for why webNavigation).
 */
import type { RegistryService } from '../lib/engine/registry-service';
import { RECHECK_MESSAGE } from '../lib/messaging/protocol';
import type { VerdictResult } from '../lib/verdict/types';
import { badgeTitle, showVerdictBadge } from './badge';
import { belongsOnBlockPage, sendToBlockPage } from './block-page';
import { forgetPageScore, pageScoreFor } from './page-scores';
import type { SettingsSource } from './settings-source';

const WEB = /^https?:/i;

export function listenToNavigation(
  service: RegistryService,
  settings: SettingsSource,
  now: () => Date,
): void {
  browser.webNavigation.onBeforeNavigate.addListener((details) => {
    if (details.frameId !== 0 || !WEB.test(details.url)) return;
    void (async () => {
      const { effective } = await settings.get();
      if (effective.blockMode !== 'block') return;
      const result = await service.verdict(details.url, effective);
      if (await belongsOnBlockPage(result, effective, now()))
        await sendToBlockPage(details.tabId, details.url);
    })();
  });

  // A web page's badge is set by its content script, which also knows the page's signals;
  // here only the pages it does not run on are cleared.
  browser.webNavigation.onCommitted.addListener((details) => {
    if (details.frameId !== 0) return;
    forgetPageScore(details.tabId);
    if (!WEB.test(details.url)) void showVerdictBadge(details.tabId, 'unknown', badgeTitle('unknown'));
  });
  browser.tabs.onRemoved.addListener((tabId) => forgetPageScore(tabId));

  // In-page navigations (history.pushState): the page's content script checks its new address.
  browser.webNavigation.onHistoryStateUpdated.addListener((details) => {
    if (details.frameId !== 0 || !WEB.test(details.url)) return;
    forgetPageScore(details.tabId);
    void browser.tabs.sendMessage(details.tabId, RECHECK_MESSAGE).catch(() => undefined);
  });
}

export async function updateBadge(
  service: RegistryService,
  settings: SettingsSource,
  tabId: number,
  url: string,
): Promise<VerdictResult | null> {
  if (!WEB.test(url)) {
    await showVerdictBadge(tabId, 'unknown', badgeTitle('unknown'));
    return null;
  }
  const { effective } = await settings.get();
  const result = await service.verdict(url, effective, pageScoreFor(tabId, url));
  await showVerdictBadge(tabId, result.verdict, badgeTitle(result.verdict));
  return result;
}

/**
 * After a registry or settings change (a policy can arrive seconds after the
 * browser starts), every open tab is judged again: its badge, the block page
 * in block mode, and a nudge to its content script to check again.
 */
export async function reapplyToAllTabs(
  service: RegistryService,
  settings: SettingsSource,
  now: () => Date,
): Promise<void> {
  const [tabs, { effective }] = await Promise.all([browser.tabs.query({}), settings.get()]);
  await Promise.all(
    tabs.map(async (tab) => {
      if (tab.id === undefined || !tab.url || !WEB.test(tab.url)) return;
      const result = await updateBadge(service, settings, tab.id, tab.url);
      if (result && (await belongsOnBlockPage(result, effective, now()))) {
        await sendToBlockPage(tab.id, tab.url);
        return;
      }
      await browser.tabs.sendMessage(tab.id, RECHECK_MESSAGE).catch(() => undefined);
    }),
  );
}
