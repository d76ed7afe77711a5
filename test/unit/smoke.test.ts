import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isMessage } from '../../lib/messaging/protocol';

describe('message protocol', () => {
  it('accepts known messages and rejects anything else', () => {
    expect(isMessage({ type: 'lookup', data: { query: 'bybit.kz' } })).toBe(true);
    expect(isMessage({ type: 'evil', data: {} })).toBe(false);
    expect(isMessage('lookup')).toBe(false);
    expect(isMessage({ type: 'lookup' })).toBe(false);
  });

  it('runs with a fake browser', async () => {
    await fakeBrowser.storage.local.set({ a: 1 });
    expect(await fakeBrowser.storage.local.get('a')).toEqual({ a: 1 });
  });
});
