import { describe, expect, it, vi } from 'vitest';
import type { BackgroundHandlers } from '../../../background/handlers';
import { createMessageListener } from '../../../background/message-listener';

function handlers(): BackgroundHandlers {
  const lookup = vi.fn(async ({ query }: { query: string }) => ({ query, result: null }));
  return new Proxy({ lookup } as unknown as BackgroundHandlers, {
    get: (target, key: string) =>
      (target as unknown as Record<string, unknown>)[key] ?? vi.fn(async () => ({ ok: true })),
  });
}

describe('the background message listener', () => {
  it('answers its own extension', async () => {
    const listen = createMessageListener(handlers(), 'own-id');
    const answer = listen({ type: 'lookup', data: { query: 'bybit.kz' } }, { id: 'own-id' });
    await expect(answer).resolves.toEqual({ query: 'bybit.kz', result: null });
  });

  it('ignores other extensions, pages and malformed messages without answering', () => {
    const all = handlers();
    const listen = createMessageListener(all, 'own-id');
    expect(listen({ type: 'lookup', data: { query: 'x' } }, { id: 'another-extension' })).toBeUndefined();
    expect(listen({ type: 'lookup', data: { query: 'x' } }, {})).toBeUndefined();
    expect(listen({ type: 'dismiss/add', data: 'bybit.com' }, { id: 'own-id' })).toBeUndefined();
    expect(listen({ type: '__proto__', data: {} }, { id: 'own-id' })).toBeUndefined();
    expect(listen(null, { id: 'own-id' })).toBeUndefined();
    expect(all.lookup).not.toHaveBeenCalled();
  });
});
