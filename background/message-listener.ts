/**
 * The runtime message listener. It sorts each request by who sent it: the extension's own pages
 * may ask anything; content code only what `CONTENT_REQUESTS` lists, about its own frame.
 * Every request is checked against its schema first. Other extensions and malformed messages
 * get no answer; a request content code may not make is refused with an error.
 */
import type { Browser } from 'wxt/browser';
import { CONTENT_REQUESTS, type ContentRequestType } from '../lib/messaging/protocol';
import { parseRequest } from '../lib/messaging/request-schemas';
import type { ContentHandlers } from './content-handlers';
import type { BackgroundHandlers } from './handlers';
import { senderTrust, type ContentSender } from './sender-trust';

type Sender = Browser.runtime.MessageSender;

export interface HandlerSets {
  pages: BackgroundHandlers;
  content: ContentHandlers;
}

const CONTENT_TYPES: ReadonlySet<string> = new Set(CONTENT_REQUESTS);

export function createMessageListener(sets: HandlerSets, ownId: string, extensionBase: string) {
  return (message: unknown, sender: Sender): Promise<unknown> | undefined => {
    const trust = senderTrust(sender, ownId, extensionBase);
    const request = trust === null ? null : parseRequest(message);
    if (trust === null || request === null) return undefined;
    let answer: Promise<unknown>;
    if (trust.kind === 'extension-page') {
      const handler = sets.pages[request.type] as (data: unknown, from: Sender) => Promise<unknown>;
      answer = handler(request.data, sender);
    } else if (CONTENT_TYPES.has(request.type)) {
      const handler = sets.content[request.type as ContentRequestType] as (
        data: unknown,
        from: ContentSender,
      ) => Promise<unknown>;
      answer = handler(request.data, trust.from);
    } else {
      return Promise.reject(new Error(`Qorgan: "${request.type}" answers only the extension's own pages`));
    }
    return answer.catch((error: unknown) => {
      console.warn(`Qorgan: ${request.type} failed`, error);
      throw error;
    });
  };
}
