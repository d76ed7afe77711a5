import { describe, expect, it } from 'vitest';
import { createLinkBatches, MESSAGE_GAP_MS } from '../../../components/links/link-batches';
import { LinkVerdictCache } from '../../../components/links/link-verdict-cache';
import type { LinkVerdicts } from '../../../lib/messaging/protocol';

const ASK = { title: 'title', goBack: 'Go back', proceed: 'Proceed' };

/** A clock and timers the test moves by hand. */
function world() {
  let now = 0;
  const timers: { at: number; run: () => void }[] = [];
  return {
    now: () => now,
    win: {
      setTimeout: ((run: () => void, ms: number) =>
        timers.push({ at: now + ms, run })) as unknown as Window['setTimeout'],
    },
    timers,
    /** Moves the clock to the first timer and runs it. */
    async next() {
      timers.sort((a, b) => a.at - b.at);
      const timer = timers.shift();
      if (!timer) throw new Error('no timer');
      now = Math.max(now, timer.at);
      timer.run();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}

function setUp(opened: boolean, reply: (links: string[]) => LinkVerdicts) {
  const clock = world();
  const cache = new LinkVerdictCache();
  const sent: string[][] = [];
  let answered = 0;
  const batches = createLinkBatches(
    {
      cache,
      win: clock.win,
      now: clock.now,
      send: async (links) => {
        sent.push(links);
        return reply(links);
      },
      answered: () => answered++,
    },
    opened,
  );
  return { clock, cache, sent, batches, answered: () => answered };
}

describe('createLinkBatches', () => {
  it('sends nothing before it is opened, then what waited in one message', async () => {
    const { clock, cache, sent, batches, answered } = setUp(false, () => ({
      marked: [],
      allowBypass: true,
      ask: ASK,
    }));
    cache.lookup('https://a.example/');
    cache.lookup('https://b.example/');
    batches.schedule();
    expect(clock.timers).toHaveLength(0);
    batches.open({ marked: [], allowBypass: false, ask: ASK });
    expect(batches.answer?.allowBypass).toBe(false);
    batches.schedule();
    await clock.next();
    expect(sent).toEqual([['https://a.example/', 'https://b.example/']]);
    expect(answered()).toBe(1);
    expect(batches.answer?.allowBypass).toBe(true);
  });

  it('keeps MESSAGE_GAP_MS between messages, and honours a longer retryAfterMs by sending the same links again', async () => {
    let busy = true;
    const { clock, cache, sent, batches } = setUp(true, () => {
      if (busy) {
        busy = false;
        return { marked: [], allowBypass: true, ask: ASK, retryAfterMs: 1_000 };
      }
      return { marked: [], allowBypass: true, ask: ASK };
    });
    cache.lookup('https://a.example/');
    batches.schedule();
    await clock.next();
    expect(sent).toHaveLength(1);
    expect(batches.answer).toBeNull();
    batches.schedule();
    expect(clock.timers[0]?.at).toBe(1_000);
    await clock.next();
    expect(sent).toEqual([['https://a.example/'], ['https://a.example/']]);
    cache.lookup('https://b.example/');
    batches.schedule();
    expect(clock.timers[0]?.at).toBe(1_000 + MESSAGE_GAP_MS);
  });
});
