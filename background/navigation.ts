/**
 * Navigation hooks: the badge follows each top-level navigation, and in block
 * mode a navigation to a blocked target is sent to the extension's block page
 * before the site loads (see docs/enterprise.md for why webNavigation).
 */
import type { RegistryService } from '../lib/engine/registry-service';
import { showVerdictBadge } from './badge';
import { isDismissed } from './dismissals';
import { badgeTitle, blockedPageUrl } from './handlers';
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
      if (result.verdict !== 'blocked') return;
      if (effective.allowBypass && (await isDismissed(result.host, now()))) return;
      await browser.tabs.update(details.tabId, { url: blockedPageUrl(details.url) });
    })();
  });

  browser.webNavigation.onCommitted.addListener((details) => {
    if (details.frameId !== 0) return;
    void updateBadge(service, settings, details.tabId, details.url);
  });
}

export async function updateBadge(
  service: RegistryService,
  settings: SettingsSource,
  tabId: number,
  url: string,
): Promise<void> {
  if (!WEB.test(url)) {
    await showVerdictBadge(tabId, 'unknown', badgeTitle('unknown'));
    return;
  }
  const { effective } = await settings.get();
  const { verdict } = await service.verdict(url, effective);
  // Page signals (unregistered) come from the content script, which updates the badge itself.
  await showVerdictBadge(tabId, verdict, badgeTitle(verdict));
}

/** After a registry or policy change, every open tab's badge is computed again. */
export async function refreshAllBadges(service: RegistryService, settings: SettingsSource): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map((tab) =>
      tab.id !== undefined && tab.url ? updateBadge(service, settings, tab.id, tab.url) : Promise.resolve(),
    ),
  );
}
