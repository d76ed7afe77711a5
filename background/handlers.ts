/**
 * The background's answers to the extension's own pages (popup, options, block page). Content
 * code reaches a few of them only through background/content-handlers.ts, for its own frame.
 */
import { browser } from 'wxt/browser';
import type { RegistryService } from '../lib/engine/registry-service';
import { PAGE_PART_FILES, type Requests, type RequestType } from '../lib/messaging/protocol';
import { checkRegistryUrl } from '../lib/policy/registry-url';
import { showBlockPage } from './block-page';
import { dismiss, dismissForSession, listDismissed, undismiss } from './dismissals';
import { forgetExchangerSite } from './exchanger-sites';
import { presentTop, settingsFor } from './judge-page';
import { leaveSite } from './leave-site';
import { createLinkVerdicts } from './link-verdicts';
import { createPageContexts, isExtensionPage, senderAddress, type Sender } from './page-context';
import { frameTarget, injectFiles } from './page-scripts';
import { registryStatus } from './registry-status';
import type { SettingsSource } from './settings-source';
import { toWarningPage } from './tampered-page';

export type BackgroundHandlers = {
  [K in RequestType]: (data: Requests[K]['req'], sender: Sender) => Promise<Requests[K]['res']>;
};

export interface HandlerDeps {
  service: RegistryService;
  settings: SettingsSource;
  /** Syncs now and schedules what follows. */
  syncNow: () => Promise<void>;
  now: () => Date;
}

export function createHandlers(deps: HandlerDeps): BackgroundHandlers {
  const { service, settings, now } = deps;

  const judge = { service, settings, now };
  const contexts = createPageContexts(judge);
  const status = () => registryStatus(service, settings);

  return {
    'page/context': ({ url }, sender) => contexts.forSender(url, sender),
    lookup: async ({ query }) => {
      const effective = await settingsFor(judge, String(query));
      return { query, result: await service.verdict(String(query), effective) };
    },
    'tab/current': async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      const url = tab?.url ?? null;
      return { url, context: url ? await contexts.of(url) : null };
    },
    'registry/status': status,
    'registry/sync-now': async () => {
      await deps.syncNow();
      return status();
    },
    'dismiss/add': async ({ host }) => {
      const { effective } = await settings.get();
      if (effective.allowBypass) {
        await dismiss(String(host), now());
        // "Not an exchanger": the detector's memory of the site goes with the banner.
        await forgetExchangerSite(String(host));
      }
      return { ok: true };
    },
    'dismiss/remove': async ({ host }) => {
      await undismiss(String(host));
      return { ok: true };
    },
    'dismiss/list': () => listDismissed(now()),
    'settings/get': () => settings.get(),
    'settings/set': async (data) => {
      if (typeof data.registryUrl === 'string' && data.registryUrl.trim() !== '') {
        const checked = checkRegistryUrl(data.registryUrl);
        if (!checked.ok) return { ok: false, field: 'registryUrl', reason: checked.reason };
        data = { ...data, registryUrl: checked.value };
      }
      await settings.setUser(data);
      return { ok: true };
    },
    'page/redirect-blocked': async (_data, sender) => {
      const tabId = sender.tab?.id;
      const url = sender.url ?? sender.tab?.url;
      if (tabId === undefined || !url || (sender.frameId ?? 0) !== 0) return { ok: false };
      const address = await senderAddress(url, sender);
      if (address === null) return { ok: false };
      const { effective } = await settings.get();
      const top = await presentTop(judge, effective, tabId, address, { frames: true });
      if (top.presentation.show !== 'block-page') return { ok: false };
      await showBlockPage(tabId, top.shown?.address ?? address);
      return { ok: true };
    },
    'tab/leave-site': async (_data, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return { ok: false };
      await leaveSite(tabId, sender.url ?? sender.tab?.url ?? null);
      return { ok: true };
    },
    'page/load-part': async ({ part }, sender) => {
      const tabId = sender.tab?.id;
      const file = PAGE_PART_FILES.get(String(part));
      if (tabId === undefined || file === undefined) return { ok: false };
      await injectFiles(frameTarget({ tabId, frameId: sender.frameId ?? 0, documentId: sender.documentId }), [
        file,
      ]);
      return { ok: true };
    },
    'links/verdicts': createLinkVerdicts({
      service,
      settings,
      browserLanguage: () => browser.i18n.getUILanguage(),
    }),
    'page/tampered': async ({ cause }, sender) => ({
      ok: await toWarningPage({ service, settings, now }, sender, cause),
    }),
    'dismiss/session': async ({ host }, sender) => {
      const { effective } = await settings.get();
      if (!effective.allowBypass || !isExtensionPage(sender)) return { ok: false };
      await dismissForSession(String(host));
      return { ok: true };
    },
    'page/open-details': async ({ url }) => {
      await browser.tabs.create({
        url: `${browser.runtime.getURL('/popup.html')}?url=${encodeURIComponent(String(url))}`,
      });
      return { ok: true };
    },
  };
}
