import { afterEach, describe, expect, it, vi } from 'vitest';
import { ANSWER_TIMEOUT_MS, pageWorldSender } from '../../../components/links/page-world-channel';
import { LINK_MARKS_ANSWER, LINK_MARKS_ASKED, type LinkVerdicts } from '../../../lib/messaging/protocol';

const ANSWER: LinkVerdicts = {
  marked: [
    { link: 'https://coinbase.com/', verdict: 'blocked', sentence: 'Blocked.', label: 'Qorgan: Blocked.' },
  ],
  allowBypass: true,
  ask: { title: 'Leave?', goBack: 'Go back', proceed: 'Proceed' },
};

function channel() {
  vi.useFakeTimers();
  const world: Record<string, unknown> = {};
  const state = { page: 'state of the page' };
  const replaceState = vi.fn();
  const history = { state, replaceState } as unknown as Pick<History, 'replaceState' | 'state'>;
  // The timers vitest fakes, as a window's.
  const win = {
    setTimeout: (run: () => void, ms: number) => setTimeout(run, ms),
    clearTimeout: (id: number) => clearTimeout(id),
  } as unknown as Pick<Window, 'setTimeout' | 'clearTimeout'>;
  const send = pageWorldSender({ world, history, win });
  const asked = () => (world[LINK_MARKS_ASKED] as () => string[])();
  const answer = (value: unknown) => (world[LINK_MARKS_ANSWER] as (v: unknown) => void)(value);
  return { send, asked, answer, replaceState, state };
}

describe("the link marks' questions from the page's own world", () => {
  afterEach(() => void vi.useRealTimers());

  it('leave a batch for the background, wake it by replacing the history entry with itself, and take its answer', async () => {
    const { send, asked, answer, replaceState, state } = channel();
    expect(asked()).toEqual([]);
    const sent = send(['https://coinbase.com/', 'https://plain.example.org/']);
    expect(replaceState).toHaveBeenCalledTimes(1);
    expect(replaceState).toHaveBeenCalledWith(state, '');
    expect(asked()).toEqual(['https://coinbase.com/', 'https://plain.example.org/']);
    // Handed over once.
    expect(asked()).toEqual([]);
    answer(ANSWER);
    await expect(sent).resolves.toEqual(ANSWER);
  });

  it('ignore an answer to no question, to a batch not yet taken, or of the wrong shape', async () => {
    const { send, asked, answer } = channel();
    answer(ANSWER);
    const sent = send(['https://coinbase.com/']);
    let settled = false;
    void sent.then(() => (settled = true));
    answer(ANSWER);
    asked();
    for (const odd of [
      null,
      'yes',
      { marked: 'all' },
      { marked: [], allowBypass: 'no', ask: {} },
      { marked: [] },
    ])
      answer(odd);
    await Promise.resolve();
    expect(settled).toBe(false);
    answer(ANSWER);
    await expect(sent).resolves.toEqual(ANSWER);
  });

  it('fail a batch that gets no answer in time, and then send the next', async () => {
    const { send, asked, answer, replaceState } = channel();
    const first = send(['https://coinbase.com/']);
    const failed = expect(first).rejects.toThrow('did not answer');
    vi.advanceTimersByTime(ANSWER_TIMEOUT_MS);
    await failed;
    // The late answer to it is not taken for the next.
    answer(ANSWER);
    const second = send(['https://bybit.kz/']);
    expect(replaceState).toHaveBeenCalledTimes(2);
    expect(asked()).toEqual(['https://bybit.kz/']);
    answer(ANSWER);
    await expect(second).resolves.toEqual(ANSWER);
  });

  it('ask one batch at a time, and fail one whose history entry cannot be replaced', async () => {
    const { send, asked, replaceState } = channel();
    const first = send(['https://coinbase.com/']);
    await expect(send(['https://bybit.kz/'])).rejects.toThrow('already waiting');
    expect(replaceState).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(ANSWER_TIMEOUT_MS);
    await expect(first).rejects.toThrow();
    replaceState.mockImplementationOnce(() => {
      throw new DOMException('sandboxed', 'SecurityError');
    });
    await expect(send(['https://bybit.kz/'])).rejects.toThrow('sandboxed');
    expect(asked()).toEqual([]);
  });
});
