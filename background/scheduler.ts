/**
 * Sync timing in alarms, which outlive the worker: a periodic alarm with
 * jitter, and a one-shot retry after a failure. Re-created at every start.
 */
import { browser } from 'wxt/browser';
import { periodicDelayMinutes } from '../lib/sync/backoff';

export const SYNC_ALARM = 'qorgan-sync';
export const RETRY_ALARM = 'qorgan-retry';

export async function ensurePeriodicSync(intervalMinutes: number): Promise<void> {
  const existing = await browser.alarms.get(SYNC_ALARM);
  if (existing?.periodInMinutes === intervalMinutes) return;
  await browser.alarms.create(SYNC_ALARM, {
    delayInMinutes: periodicDelayMinutes(intervalMinutes, Math.random()),
    periodInMinutes: intervalMinutes,
  });
}

export async function scheduleRetry(at: string | null): Promise<void> {
  if (at === null) {
    await browser.alarms.clear(RETRY_ALARM);
    return;
  }
  await browser.alarms.create(RETRY_ALARM, { when: Math.max(Date.parse(at), Date.now() + 30_000) });
}
