import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dismiss, isDismissed, listDismissed, undismiss } from '../../../background/dismissals';

const NOW = new Date('2026-11-22T12:00:00Z');
const hours = (n: number) => new Date(NOW.getTime() + n * 3_600_000);

beforeEach(() => fakeBrowser.reset());

describe('dismissals', () => {
  it('cover the whole site for 24 hours', async () => {
    await dismiss('www.bybit.com', NOW);
    expect(await isDismissed('bybit.com', hours(1))).toBe(true);
    expect(await isDismissed('trade.bybit.com', hours(23))).toBe(true);
    expect(await isDismissed('bybit.com', hours(25))).toBe(false);
    expect(await isDismissed('bybit.kz', hours(1))).toBe(false);
  });

  it('keep sites under a private suffix apart', async () => {
    await dismiss('scam.github.io', NOW);
    expect(await isDismissed('scam.github.io', hours(1))).toBe(true);
    expect(await isDismissed('other.github.io', hours(1))).toBe(false);
  });

  it('are listed, expire from the list, and can be undone', async () => {
    await dismiss('bybit.com', NOW);
    expect(await listDismissed(hours(1))).toEqual([{ host: 'bybit.com', until: hours(24).toISOString() }]);
    expect(await listDismissed(hours(25))).toEqual([]);
    await undismiss('bybit.com');
    expect(await isDismissed('bybit.com', hours(1))).toBe(false);
  });
});
