/**
 * The link marks' messages: the link addresses not yet known go to the background in one message
 * per burst, at most one every MESSAGE_GAP_MS and one at a time, so a page that rewrites its links
 * without pause sends few messages. A busy background's `retryAfterMs` is honoured. Nothing is
 * sent before `open` (the background's own first answer, the seed, comes first).
 */
import type { LinkVerdicts } from '../../lib/messaging/protocol';
import type { LinkVerdictCache } from './link-verdict-cache';

export const MESSAGE_GAP_MS = 250;

export interface LinkBatchesDeps {
  cache: LinkVerdictCache;
  win: Pick<Window, 'setTimeout'>;
  send(links: string[]): Promise<LinkVerdicts>;
  now(): number;
  /** Called after each answer has been learned, to mark the links that waited for it. */
  answered(): void;
}

export interface LinkBatches {
  /** The last answer's settings (bypass, the question's words), once there is one. */
  readonly answer: LinkVerdicts | null;
  /** Whether sending is allowed (from the start, or since `open`). */
  readonly opened: boolean;
  /** Sends what waits, now or once the gap since the last message has passed. */
  schedule(): void;
  /** Allows sending from now on; `answer` is the seed's, when the background gave one. */
  open(answer: LinkVerdicts | null): void;
}

export function createLinkBatches(deps: LinkBatchesDeps, opened: boolean): LinkBatches {
  const { cache } = deps;
  let sendTimer: number | null = null;
  let inFlight = false;
  let nextSendAt = 0;
  let answer: LinkVerdicts | null = null;

  const send = async (): Promise<void> => {
    sendTimer = null;
    const batch = cache.nextBatch();
    if (batch.length === 0) return;
    inFlight = true;
    nextSendAt = deps.now() + MESSAGE_GAP_MS;
    try {
      const reply = await deps.send(batch);
      if (reply.retryAfterMs !== undefined) {
        cache.giveBack(batch);
        nextSendAt = deps.now() + Math.max(reply.retryAfterMs, MESSAGE_GAP_MS);
      } else {
        answer = reply;
        cache.learn(batch, reply.marked);
      }
    } catch {
      // The background is gone (the extension was reloaded): this page's marks stay as they are.
      return;
    } finally {
      inFlight = false;
    }
    deps.answered();
  };

  const schedule = (): void => {
    if (!opened || sendTimer !== null || inFlight || !cache.waiting) return;
    sendTimer = deps.win.setTimeout(() => void send(), Math.max(0, nextSendAt - deps.now()));
  };

  return {
    get answer() {
      return answer;
    },
    get opened() {
      return opened;
    },
    schedule,
    open(seedAnswer) {
      opened = true;
      if (seedAnswer) answer = seedAnswer;
    },
  };
}
