/** The background's answers to the message protocol. */
import type { Browser } from 'wxt/browser';
import type { RegistryService } from '../lib/engine/registry-service';
import { checkRegistryUrl } from '../lib/policy/registry-url';
import {
  PAGE_PART_FILES,
  type PageContext,
  type Requests,
  type RequestType,
  type RegistryStatus,
} from '../lib/messaging/protocol';
import { showVerdictBadge } from './badge';
import { toBlockPage } from './block-page';
import { pageScoreFor } from './page-scores';
import { frameTarget, injectFiles } from './page-scripts';
import { BUILD_CONFIG } from './build-config';
import { dismiss, isDismissed, listDismissed, undismiss } from './dismissals';
import type { SettingsSource } from './settings-source';

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

  async function pageContext(url: string, score?: number): Promise<PageContext> {
    const { effective, user } = await settings.get();
    const result = await service.verdict(url, effective, score);
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
      dismissed: effective.allowBypass && (await isDismissed(result.host, now())),
      reportUrl: BUILD_CONFIG.reportUrl,
      language: user.language ?? 'auto',
    };
  }

  /** A page's context, with the detector's score for it when the background ran the detector there. */
  async function forTab(url: string, sender: Sender): Promise<PageContext> {
    const tabId = sender.tab?.id;
    const context = await pageContext(url, tabId === undefined ? undefined : pageScoreFor(tabId, url));
    if (tabId !== undefined) await showVerdictBadge(tabId, context.result.verdict);
    return context;
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
    'page/context': ({ url }, sender) => forTab(pageUrl(url, sender), sender),
    lookup: async ({ query }) => {
      const { effective } = await settings.get();
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
      if (effective.allowBypass) await dismiss(String(host), now());
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
      const url = sender.tab?.url;
      if (tabId === undefined || !url) return { ok: false };
      return { ok: await toBlockPage({ service, settings, now }, tabId, url) };
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
    'page/open-details': async ({ url }) => {
      await browser.tabs.create({
        url: `${browser.runtime.getURL('/popup.html')}?url=${encodeURIComponent(String(url))}`,
      });
      return { ok: true };
    },
  };
}

/**
 * A content script speaks for its own document: what it claims is used only
 * within the origin the browser says the sender is on.
 */
function pageUrl(claimed: string, sender: Sender): string {
  // The extension's own pages (the block page) ask about the page they stand for.
  if (sender.url?.startsWith(browser.runtime.getURL('/'))) return String(claimed);
  const actual = sender.url ?? sender.tab?.url;
  if (!actual) return String(claimed);
  try {
    return new URL(String(claimed)).origin === new URL(actual).origin ? String(claimed) : actual;
  } catch {
    return actual;
  }
}
