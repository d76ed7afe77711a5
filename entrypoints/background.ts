import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createContentHandlers } from '../background/content-handlers';
import { createCheckLinkMenu, listenToCheckLinkMenu } from '../background/context-menu';
import { createHandlers } from '../background/handlers';
import { listenForMarkedSites } from '../background/link-marks';
import { createMessageListener } from '../background/message-listener';
import { BUILD_CONFIG } from '../background/build-config';
import { reapplyToAllTabs } from '../background/judge-navigation';
import { listenToNavigation } from '../background/navigation';
import { RETRY_ALARM, SYNC_ALARM, ensurePeriodicSync, scheduleRetry } from '../background/scheduler';
import { SettingsSource } from '../background/settings-source';
import { RegistryService } from '../lib/engine/registry-service';
import { policyChangeNeedsSync } from '../lib/policy/read-policy';
import { RegistryStore } from '../lib/store/registry-store';

export default defineBackground(() => {
  const now = () => new Date();
  const service = new RegistryService({
    openStore: () => RegistryStore.open(indexedDB),
    fetch: (input, init) => fetch(input, init),
    loadBundled: async () => (await fetch(browser.runtime.getURL('/registry/bundled.json'))).json(),
    builtInKeys: BUILD_CONFIG.trustedKeys,
    now,
    log: (message) => console.warn(`Qorgan: ${message}`),
  });
  // The database opens while the rest of the first tick runs and the message that woke the worker
  // is dispatched. A verdict then reads the metadata and only the index shards it needs.
  service.open();

  const syncNow = async () => {
    const { effective } = await settings.get();
    const { state } = await service.sync(effective);
    await scheduleRetry(state.nextAttemptAt);
  };

  const settings = new SettingsSource((before, after) => {
    navigation.applySettings(after.effective);
    void ensurePeriodicSync(after.effective.syncIntervalMinutes);
    if (!before || policyChangeNeedsSync(before.effective, after.effective)) void syncNow();
    void reapplyToAllTabs(service, settings, now);
  });
  const pages = createHandlers({ service, settings, syncNow, now });
  const content = createContentHandlers({ pages, service, settings });

  // Every listener registers on the first tick, as an MV3 worker requires.
  settings.listen();
  service.onChange(() => void reapplyToAllTabs(service, settings, now));
  const navigation = listenToNavigation(service, settings, now, {
    historyUpdated: (details) => linkMarks.historyUpdated(details),
  });
  const linkMarks = listenForMarkedSites({
    service,
    settings,
    browserLanguage: () => browser.i18n.getUILanguage(),
  });
  listenToCheckLinkMenu();

  browser.runtime.onMessage.addListener(
    createMessageListener({ pages, content }, browser.runtime.id, browser.runtime.getURL('/')),
  );

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM || alarm.name === RETRY_ALARM) void syncNow();
  });
  browser.runtime.onInstalled.addListener(() => {
    void syncNow();
    void createCheckLinkMenu().catch(() => undefined);
    // Tabs opened before the install are judged too: badge, banner, sweep and detector, link marks.
    void service.ready().then(() => reapplyToAllTabs(service, settings, now));
    void service.ready().then(() => linkMarks.markOpenTabs());
  });
  browser.runtime.onStartup.addListener(() => {
    void syncNow();
    void createCheckLinkMenu().catch(() => undefined);
    // A page restored with the session may have loaded before this worker listened.
    void service.ready().then(() => linkMarks.markOpenTabs());
  });

  void (async () => {
    const { effective } = await settings.get();
    navigation.applySettings(effective);
    await ensurePeriodicSync(effective.syncIntervalMinutes);
  })();
});
