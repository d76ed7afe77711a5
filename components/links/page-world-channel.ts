/**
 * The link marks' questions from the page's own world, which has no extension API (the search
 * engines' pages; background/link-marks.ts says why they run there). A batch of links waits under
 * LINK_MARKS_ASKED, and the page's history entry is replaced by itself, its state and address
 * unchanged: the browser reports that to the background as `webNavigation.onHistoryStateUpdated`.
 * The background takes the batch, judges it, and hands its answer to LINK_MARKS_ANSWER.
 *
 * One batch waits at a time (link-batches.ts sends one at a time and at most one every
 * MESSAGE_GAP_MS, so a page rewriting its links replaces its history entry a few times a second at
 * most). A batch that gets no answer within ANSWER_TIMEOUT_MS fails, as a message to a background
 * that is gone does, and the page's marks stay as they are.
 *
 * The page's own scripts can see and call both properties. Asking, they learn the verdicts of links
 * they could have put in the page anyway, within the background's rate limit; answering, they
 * change marks on their own page, which they could draw or hide anyway.
 */
import { LINK_MARKS_ANSWER, LINK_MARKS_ASKED, type LinkVerdicts } from '../../lib/messaging/protocol';

export const ANSWER_TIMEOUT_MS = 10_000;

export interface PageWorldChannelDeps {
  /** The page world's global object, where the background finds the two properties. */
  world: Record<string, unknown>;
  history: Pick<History, 'replaceState' | 'state'>;
  win: Pick<Window, 'setTimeout' | 'clearTimeout'>;
}

interface Waiting {
  links: string[];
  taken: boolean;
  timer: number;
  resolve(answer: LinkVerdicts): void;
  reject(error: Error): void;
}

/** An answer as the background gives it; the page could call the property with anything. */
function isLinkVerdicts(value: unknown): value is LinkVerdicts {
  if (typeof value !== 'object' || value === null) return false;
  const answer = value as Partial<LinkVerdicts>;
  return (
    Array.isArray(answer.marked) &&
    typeof answer.allowBypass === 'boolean' &&
    typeof answer.ask === 'object' &&
    answer.ask !== null
  );
}

/** The `send` of the link marker (link-marker.ts) in the page's own world. */
export function pageWorldSender(deps: PageWorldChannelDeps): (links: string[]) => Promise<LinkVerdicts> {
  const { world, history, win } = deps;
  let waiting: Waiting | null = null;

  const settle = (entry: Waiting): void => {
    if (waiting === entry) waiting = null;
    win.clearTimeout(entry.timer);
  };

  world[LINK_MARKS_ASKED] = (): string[] => {
    if (waiting === null || waiting.taken) return [];
    waiting.taken = true;
    return waiting.links;
  };
  world[LINK_MARKS_ANSWER] = (answer: unknown): void => {
    const entry = waiting;
    if (entry === null || !entry.taken || !isLinkVerdicts(answer)) return;
    settle(entry);
    entry.resolve(answer);
  };

  return (links) =>
    new Promise<LinkVerdicts>((resolve, reject) => {
      if (waiting !== null) {
        reject(new Error('a batch of links is already waiting for its answer'));
        return;
      }
      const entry: Waiting = {
        links,
        taken: false,
        resolve,
        reject,
        timer: win.setTimeout(() => {
          settle(entry);
          reject(new Error('the background did not answer'));
        }, ANSWER_TIMEOUT_MS),
      };
      waiting = entry;
      try {
        history.replaceState(history.state, '');
      } catch (error) {
        // A document whose history cannot be replaced (sandboxed, or the page broke the call).
        settle(entry);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
}
