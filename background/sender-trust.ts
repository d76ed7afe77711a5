/**
 * Who sent a runtime message, as the browser reports it (a page cannot forge these fields, and
 * content scripts share the extension's ID, so the ID alone proves nothing). An extension page is
 * a document of this extension's own origin that is not framed in a web page's tab; content code
 * is a frame in a tab showing a web page, and speaks only for that frame.
 */
import type { Browser } from 'wxt/browser';

type Sender = Browser.runtime.MessageSender;

/** The content code's own frame, with the address the browser reports for it. */
export interface ContentSender {
  tabId: number;
  frameId: number;
  documentId?: string;
  /** The frame's origin, where the browser reports it (an about: or blob: document's maker). */
  origin?: string;
  url: string;
  tabUrl: string;
}

export type SenderTrust = { kind: 'extension-page' } | { kind: 'content'; from: ContentSender } | null;

/** `extensionBase` is `runtime.getURL('/')`: the extension's origin with a trailing slash. */
export function senderTrust(sender: Sender, ownId: string, extensionBase: string): SenderTrust {
  if (sender.id !== ownId || typeof sender.url !== 'string') return null;
  if (isExtensionUrl(sender.url, extensionBase)) {
    const tabUrl = sender.tab?.url;
    const inOwnTab =
      sender.tab === undefined || (tabUrl !== undefined && isExtensionUrl(tabUrl, extensionBase));
    return inOwnTab ? { kind: 'extension-page' } : null;
  }
  const tabId = sender.tab?.id;
  // blob: and about: documents are content too: they are judged by the origin that made them.
  if (tabId === undefined || tabId < 0 || !/^(https?|blob|about):/.test(sender.url)) return null;
  return {
    kind: 'content',
    from: {
      tabId,
      frameId: sender.frameId ?? 0,
      ...(sender.documentId === undefined ? {} : { documentId: sender.documentId }),
      ...(sender.origin === undefined ? {} : { origin: sender.origin }),
      url: sender.url,
      tabUrl: sender.tab?.url ?? sender.url,
    },
  };
}

function isExtensionUrl(url: string, extensionBase: string): boolean {
  if (!url.startsWith(extensionBase)) return false;
  try {
    return new URL(url).origin === new URL(extensionBase).origin;
  } catch {
    return false;
  }
}
