/**
 * The runtime message listener: answers protocol messages from this
 * extension's own pages and content scripts, and ignores everything else
 * (other extensions, malformed messages) without answering.
 */
import type { Browser } from 'wxt/browser';
import { isMessage } from '../lib/messaging/protocol';
import type { BackgroundHandlers } from './handlers';

type Sender = Browser.runtime.MessageSender;

export function createMessageListener(handlers: BackgroundHandlers, ownId: string) {
  return (message: unknown, sender: Sender): Promise<unknown> | undefined => {
    if (sender.id !== ownId || !isMessage(message)) return undefined;
    const handler = handlers[message.type] as (data: unknown, from: Sender) => Promise<unknown>;
    return handler(message.data, sender).catch((error: unknown) => {
      console.warn(`Qorgan: ${message.type} failed`, error);
      throw error;
    });
  };
}
