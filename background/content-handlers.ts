/**
 * The background's answers to content code. Content code runs inside web pages, which a
 * compromised renderer controls, so each answer is about the sender's own tab and page only: the
 * address is the one the browser reports for the sender, never one the message names.
 */
import type { Browser } from 'wxt/browser';
import type { RegistryService } from '../lib/engine/registry-service';
import type { ContentRequestType, Requests } from '../lib/messaging/protocol';
import { siteOfHost } from '../lib/url/site-of-host';
import { withoutFragment } from '../lib/url/without-fragment';
import { WARNING_VERDICTS } from '../lib/verdict/types';
import type { BackgroundHandlers } from './handlers';
import { detectorScoreFor } from './detector-score';
import type { ContentSender } from './sender-trust';
import type { SettingsSource } from './settings-source';

export type ContentHandlers = {
  [K in ContentRequestType]: (data: Requests[K]['req'], from: ContentSender) => Promise<Requests[K]['res']>;
};

export interface ContentHandlerDeps {
  /** The extension pages' handlers, called here with what the sender's own frame is. */
  pages: BackgroundHandlers;
  service: RegistryService;
  settings: SettingsSource;
}

export function createContentHandlers({ pages, service, settings }: ContentHandlerDeps): ContentHandlers {
  return {
    // The page's own fragment is the page's to say (Telegram Web opens a chat by it); the rest of
    // the address is the one the browser reports.
    'page/context': ({ url }, from) =>
      pages['page/context']({ url: sameDocument(url, from.url) ? url : from.url }, asSender(from)),
    'page/load-part': (data, from) => pages['page/load-part'](data, asSender(from)),
    'page/redirect-blocked': (_data, from) =>
      pages['page/redirect-blocked']({ url: from.tabUrl }, asSender(from)),
    'page/open-details': (_data, from) => pages['page/open-details']({ url: from.url }, asSender(from)),
    /** Only the sender's own site, only while it has a banner verdict, only where bypass is allowed. */
    'dismiss/add': async ({ host }, from) => {
      const own = new URL(from.url).hostname;
      if (siteOfHost(host) !== siteOfHost(own)) throw new Error('content code dismisses only its own site');
      const { effective } = await settings.get();
      const score = await detectorScoreFor(from.tabId, from.url, new Date());
      const { verdict } = await service.verdict(from.url, effective, score);
      if (!effective.allowBypass || !WARNING_VERDICTS.has(verdict)) {
        throw new Error('this site has no warning the user may dismiss');
      }
      return pages['dismiss/add']({ host: own }, asSender(from));
    },
    'tab/leave-site': (data, from) => pages['tab/leave-site'](data, asSender(from)),
    'links/verdicts': (data, from) => pages['links/verdicts'](data, asSender(from)),
    'page/tampered': (data, from) => pages['page/tampered'](data, asSender(from)),
  };
}

/** The sender as the extension pages' handlers read it: its frame, in its tab. */
function asSender(from: ContentSender): Browser.runtime.MessageSender {
  return {
    url: from.url,
    frameId: from.frameId,
    ...(from.documentId === undefined ? {} : { documentId: from.documentId }),
    ...(from.origin === undefined ? {} : { origin: from.origin }),
    tab: { id: from.tabId, url: from.tabUrl } as Browser.tabs.Tab,
  };
}

/** The same document: addresses equal but for their fragments. */
function sameDocument(claimed: string, actual: string): boolean {
  return withoutFragment(claimed) === withoutFragment(actual);
}
