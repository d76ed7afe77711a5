/**
 * The background's answers to the extension's own pages (popup, options, block page). Content
 * code reaches a few of them only through background/content-handlers.ts, for its own frame.
 */
import { browser, type Browser } from 'wxt/browser';
import type { RegistryService } from '../lib/engine/registry-service';
import { checkRegistryUrl } from '../lib/policy/registry-url';
import {
  PAGE_PART_FILES,
  type PageContext,
  type Requests,
  type RequestType,
  type RegistryStatus,
} from '../lib/messaging/protocol';
import { judgedAddress } from '../lib/url/judged-address';
import { showVerdictBadge } from './badge';
import { showBlockPage } from './block-page';
import { documentAddress, judgeAddress, presentTop, settingsFor, type JudgedAt } from './judge-page';
import { frameTarget, injectFiles } from './page-scripts';
import { leaveSite } from './leave-site';
import { BUILD_CONFIG } from './build-config';
import { dismiss, dismissForSession, listDismissed, undismiss } from './dismissals';
import { forgetExchangerSite } from './exchanger-sites';
import { createLinkVerdicts } from './link-verdicts';
import type { SettingsSource } from './settings-source';
import { toWarningPage } from './tampered-page';

type Sender = Browser.runtime.MessageSender;

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

  async function pageContext(url: string): Promise<PageContext> {
    const effective = await settingsFor(judge, url);
    return contextOf(await judgeAddress(judge, effective, url));
  }

  /** What a page needs to know of `judged`; `shownVia` is the page's own host when `judged` is a framed site. */
  async function contextOf({ result, dismissed }: JudgedAt, shownVia?: string): Promise<PageContext> {
    const { effective, user } = await settings.get();
    const meta = service.meta;
    const sourceId = result.reason.kind === 'registry' ? result.reason.entry.source : undefined;
    const source = meta?.sources.find((candidate) => candidate.id === sourceId) ?? null;
    return {
      result,
      source: source
        ? { id: source.id, title: source.title, ...(source.url ? { url: source.url } : {}) }
        : null,
      registryIssuedAt: meta?.issuedAt ?? '',
      allowBypass: effective.allowBypass,
      blockMode: effective.blockMode,
      dismissed,
      reportUrl: BUILD_CONFIG.reportUrl,
      language: user.language ?? 'auto',
      ...(shownVia === undefined ? {} : { shownVia: { host: shownVia } }),
    };
  }

  /**
   * The sender's page as it presents itself: its own verdict (with the detector's score when the
   * background ran the detector there), or the verdict of a site it shows in a frame.
   */
  async function forTab(claimed: string, sender: Sender): Promise<PageContext> {
    const tabId = sender.tab?.id;
    if (tabId === undefined || isExtensionPage(sender)) return pageContext(pageUrl(claimed, sender));
    const address = await senderAddress(claimed, sender);
    if (address === null) return pageContext('');
    const { effective } = await settings.get();
    const top = await presentTop(judge, effective, tabId, address, { frames: (sender.frameId ?? 0) === 0 });
    const shown = top.shown ?? top.own;
    await showVerdictBadge(tabId, shown.result.verdict);
    return contextOf(shown, shown === top.own ? undefined : top.own.result.host);
  }

  async function status(): Promise<RegistryStatus> {
    await service.ready();
    const [state, { effective }] = await Promise.all([service.syncState(), settings.get()]);
    const meta = service.meta;
    return {
      version: meta?.version ?? 0,
      origin: meta?.origin ?? 'bundled',
      issuedAt: meta?.issuedAt ?? '',
      expiresAt: meta?.expiresAt ?? '',
      entryCount: meta?.entryCount ?? 0,
      sources: (meta?.sources ?? []).map(({ id, title, url, retrievedAt }) => ({
        id,
        title,
        ...(url ? { url } : {}),
        ...(retrievedAt ? { retrievedAt } : {}),
      })),
      lastSyncAt: state.lastSuccessAt,
      lastError: state.lastError
        ? {
            reason: state.lastError.code,
            at: state.lastError.at,
            ...(state.lastError.detail ? { detail: state.lastError.detail } : {}),
          }
        : null,
      registryUrl: effective.registryUrl,
      nextSyncAt: state.nextAttemptAt,
    };
  }

  return {
    'page/context': ({ url }, sender) => forTab(url, sender),
    lookup: async ({ query }) => {
      const effective = await settingsFor(judge, String(query));
      return { query, result: await service.verdict(String(query), effective) };
    },
    'tab/current': async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      const url = tab?.url ?? null;
      return { url, context: url ? await pageContext(url) : null };
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
      const fromExtensionPage = sender.url?.startsWith(browser.runtime.getURL('/')) === true;
      if (!effective.allowBypass || !fromExtensionPage) return { ok: false };
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

function isExtensionPage(sender: Sender): boolean {
  return sender.url?.startsWith(browser.runtime.getURL('/')) === true;
}

/**
 * The address a content script's document is judged by: a web page's own (see `pageUrl`), a
 * blob: document's origin, an about: document's origin as the browser reports it or, where the
 * browser does not, as the document answers our isolated world.
 */
async function senderAddress(claimed: string, sender: Sender): Promise<string | null> {
  const actual = sender.url ?? sender.tab?.url;
  if (!actual) return String(claimed);
  const address = judgedAddress(actual);
  if (address === actual) return pageUrl(claimed, sender);
  if (address !== null || sender.tab?.id === undefined) return address;
  const frame = frameTarget({
    tabId: sender.tab.id,
    frameId: sender.frameId ?? 0,
    documentId: sender.documentId,
  });
  return documentAddress(frame, actual, (sender as { origin?: string }).origin);
}

/**
 * A content script speaks for its own document: what it claims is used only
 * within the origin the browser says the sender is on.
 */
function pageUrl(claimed: string, sender: Sender): string {
  // The extension's own pages (the block page) ask about the page they stand for.
  if (isExtensionPage(sender)) return String(claimed);
  const actual = sender.url ?? sender.tab?.url;
  if (!actual) return String(claimed);
  try {
    return new URL(String(claimed)).origin === new URL(actual).origin ? String(claimed) : actual;
  } catch {
    return actual;
  }
}
