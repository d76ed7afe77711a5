import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseRequest } from '../../lib/messaging/request-schemas';

describe('message protocol', () => {
  it('accepts known messages and rejects anything else', () => {
    expect(parseRequest({ type: 'lookup', data: { query: 'bybit.kz' } })).toEqual({
      type: 'lookup',
      data: { query: 'bybit.kz' },
    });
    expect(parseRequest({ type: 'evil', data: {} })).toBeNull();
    expect(parseRequest('lookup')).toBeNull();
    expect(parseRequest({ type: 'lookup' })).toBeNull();
  });

  it('runs with a fake browser', async () => {
    await fakeBrowser.storage.local.set({ a: 1 });
    expect(await fakeBrowser.storage.local.get('a')).toEqual({ a: 1 });
  });
});
