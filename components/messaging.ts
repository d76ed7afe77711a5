/**
 * The one way UI code talks to the background: typed requests of the message
 * protocol. Components take a `MessagingClient` so tests can pass their own.
 */
import { browser } from 'wxt/browser';
import type { RequestType, Requests } from '@/lib/messaging/protocol';

export interface MessagingClient {
  send<K extends RequestType>(type: K, data: Requests[K]['req']): Promise<Requests[K]['res']>;
}

export class NoAnswerError extends Error {
  constructor(type: string, cause?: unknown) {
    super(`The background did not answer "${type}"`, { cause });
    this.name = 'NoAnswerError';
  }
}

/** Pauses between attempts while the background worker is starting. */
const RETRY_DELAYS_MS = [50, 200, 600];

type SendMessage = (message: unknown) => Promise<unknown>;

export function createRuntimeClient(
  sendMessage: SendMessage = (message) => browser.runtime.sendMessage(message),
): MessagingClient {
  return {
    async send(type, data) {
      let lastError: unknown;
      for (let attempt = 0; attempt <= RETRY_DELAYS_MS.length; attempt++) {
        try {
          const response = await sendMessage({ type, data });
          if (response !== undefined && response !== null) return response as never;
          lastError = undefined;
        } catch (error) {
          lastError = error;
        }
        const delay = RETRY_DELAYS_MS[attempt];
        if (delay === undefined) break;
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
      throw new NoAnswerError(type, lastError);
    },
  };
}
