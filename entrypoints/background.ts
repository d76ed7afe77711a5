import { createHandlers, type BackgroundHandlers } from '../background/handlers';
import { BUILD_CONFIG } from '../background/build-config';
import { listenToNavigation, refreshAllBadges } from '../background/navigation';
import { RETRY_ALARM, SYNC_ALARM, ensurePeriodicSync, scheduleRetry } from '../background/scheduler';
import { SettingsSource } from '../background/settings-source';
import { RegistryService } from '../lib/engine/registry-service';
import { isMessage, type Message } from '../lib/messaging/protocol';
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

  const syncNow = async () => {
    const { effective } = await settings.get();
    const { state } = await service.sync(effective);
    await scheduleRetry(state.nextAttemptAt);
  };

  const settings = new SettingsSource((before, after) => {
    void ensurePeriodicSync(after.effective.syncIntervalMinutes);
    if (!before || policyChangeNeedsSync(before.effective, after.effective)) void syncNow();
    void refreshAllBadges(service, settings);
  });
  const handlers = createHandlers({ service, settings, syncNow, now });

  // Every listener registers on the first tick, as an MV3 worker requires.
  settings.listen();
  service.onChange(() => void refreshAllBadges(service, settings));
  listenToNavigation(service, settings, now);

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (sender.id !== browser.runtime.id || !isMessage(message)) return undefined;
    return dispatch(handlers, message, sender).catch((error: unknown) => {
      console.warn(`Qorgan: ${message.type} failed`, error);
      throw error;
    });
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM || alarm.name === RETRY_ALARM) void syncNow();
  });
  browser.runtime.onInstalled.addListener(() => void syncNow());
  browser.runtime.onStartup.addListener(() => void syncNow());

  void (async () => {
    await service.ready();
    const { effective } = await settings.get();
    await ensurePeriodicSync(effective.syncIntervalMinutes);
  })();
});

function dispatch(
  handlers: BackgroundHandlers,
  message: Message,
  sender: Parameters<BackgroundHandlers['lookup']>[1],
) {
  const handler = handlers[message.type] as (data: unknown, from: typeof sender) => Promise<unknown>;
  return handler(message.data, sender);
}
