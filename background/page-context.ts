/**
 * What a page is told about itself (`page/context`): its verdict, the registry source behind it,
 * and the settings that decide what it may offer. A content script speaks for its own document
 * only: the address it is judged by comes from what the browser reports about the sender, and
 * what it claims is used only within that origin.
 */
import { browser, type Browser } from 'wxt/browser';
import type { PageContext } from '../lib/messaging/protocol';
import { judgedAddress } from '../lib/url/judged-address';
import { showVerdictBadge } from './badge';
import { BUILD_CONFIG } from './build-config';
import {
  documentAddress,
  judgeAddress,
  presentTop,
  settingsFor,
  type Judge,
  type JudgedAt,
} from './judge-page';
import { frameTarget } from './page-scripts';

export type Sender = Browser.runtime.MessageSender;

export interface PageContexts {
  /** The context of any address, for the extension's own pages. */
  of(url: string): Promise<PageContext>;
  /**
   * The sender's page as it presents itself: its own verdict (with the detector's score when the
   * background ran the detector there), or the verdict of a site it shows in a frame.
   */
  forSender(claimed: string, sender: Sender): Promise<PageContext>;
}

export function createPageContexts(judge: Judge): PageContexts {
  const { service, settings } = judge;

  async function of(url: string): Promise<PageContext> {
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

  async function forSender(claimed: string, sender: Sender): Promise<PageContext> {
    const tabId = sender.tab?.id;
    if (tabId === undefined || isExtensionPage(sender)) return of(pageUrl(claimed, sender));
    const address = await senderAddress(claimed, sender);
    if (address === null) return of('');
    const { effective } = await settings.get();
    const top = await presentTop(judge, effective, tabId, address, { frames: (sender.frameId ?? 0) === 0 });
    const shown = top.shown ?? top.own;
    await showVerdictBadge(tabId, shown.result.verdict);
    return contextOf(shown, shown === top.own ? undefined : top.own.result.host);
  }

  return { of, forSender };
}

export function isExtensionPage(sender: Sender): boolean {
  return sender.url?.startsWith(browser.runtime.getURL('/')) === true;
}

/**
 * The address a content script's document is judged by: a web page's own (see `pageUrl`), a
 * blob: document's origin, an about: document's origin as the browser reports it or, where the
 * browser does not, as the document answers our isolated world.
 */
export async function senderAddress(claimed: string, sender: Sender): Promise<string | null> {
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
