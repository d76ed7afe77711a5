import { describe, expect, it, vi } from 'vitest';
import { Hung, noteRetry, within, withinOr } from '../../e2e/support/deadline';

describe('within', () => {
  it('passes on the answer of a call that answers in time', async () => {
    await expect(within('reading', 1_000, Promise.resolve(7))).resolves.toBe(7);
  });

  it('passes on the error of a call that fails in time, as it is', async () => {
    const failure = new Error('gone');
    await expect(within('reading', 1_000, Promise.reject(failure))).rejects.toBe(failure);
  });

  it('rejects a call that never answers with Hung, naming the step', async () => {
    const never = new Promise<number>(() => undefined);
    const error = await within('pressing Tab', 20, never).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Hung);
    expect((error as Hung).step).toBe('pressing Tab');
    expect((error as Hung).message).toBe('pressing Tab did not answer within 20 ms');
  });
});

describe('withinOr', () => {
  it('gives the fallback for a call that fails in time, and still rejects one that hangs', async () => {
    await expect(withinOr('reading', 1_000, Promise.reject(new Error('gone')), null)).resolves.toBeNull();
    const never = new Promise<number>(() => undefined);
    await expect(withinOr('reading', 20, never, null)).rejects.toBeInstanceOf(Hung);
  });
});

describe('noteRetry', () => {
  it('annotates the test with what hung', () => {
    const info = { annotations: [] as { type: string; description?: string }[] };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    noteRetry(info, 'modal-dialog: hung: reading the banner did not answer within 10000 ms');
    expect(info.annotations).toEqual([
      {
        type: 'retried',
        description: 'modal-dialog: hung: reading the banner did not answer within 10000 ms',
      },
    ]);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});
