/**
 * Typed requests of the message protocol over any `sendMessage`: the
 * extension's pages pass the polyfilled runtime, the page script the browser's
 * own (it carries no polyfill), tests their own function.
 */
import type { RequestType, Requests } from './protocol';

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

export type SendMessage = (message: unknown) => Promise<unknown>;

export function createMessagingClient(sendMessage: SendMessage): MessagingClient {
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
