/**
 * The one way UI code talks to the background: typed requests of the message
 * protocol. Components take a `MessagingClient` so tests can pass their own.
 */
import { browser } from 'wxt/browser';
import { createMessagingClient, type SendMessage } from '../lib/messaging/runtime-client';

export type { MessagingClient } from '../lib/messaging/runtime-client';

export function createRuntimeClient(
  sendMessage: SendMessage = (message) => browser.runtime.sendMessage(message),
) {
  return createMessagingClient(sendMessage);
}
