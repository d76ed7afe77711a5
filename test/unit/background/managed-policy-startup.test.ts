/**
 * Start-up as Chromium behaves: a read of the managed area made before the policy service is ready
 * is never answered, and only a later read wakes the service. The policy must still apply.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { REREAD_MS } from '../../../background/managed-policy';
import { SettingsSource } from '../../../background/settings-source';

const POLICY = { registryUrl: 'https://policy.example/registry.json', extraBlocked: ['corp-blocked.kz'] };

/** The managed area answers no read issued before `readyAt` ms, and every later one after `delay` ms. */
function slowPolicyService(readyAt: number, delay: number, value: () => unknown) {
  const start = Date.now();
  return vi
    .spyOn(fakeBrowser.storage.managed, 'get')
    .mockImplementation((() =>
      Date.now() - start < readyAt
        ? new Promise(() => undefined)
        : new Promise((resolve) => setTimeout(() => resolve(value()), delay))) as never);
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('a policy in place at start-up', () => {
  it('is read again until the browser answers, and then applies', async () => {
    const get = slowPolicyService(1_000, 2_500, () => POLICY);
    const changes: (string | null)[] = [];
    const source = new SettingsSource((_before, after) => changes.push(after.effective.registryUrl));
    source.listen();
    const early = source.get();
    await vi.advanceTimersByTimeAsync(200);
    expect((await early).effective.registryUrl).toBeNull();

    await vi.advanceTimersByTimeAsync(4_000);
    expect(get.mock.calls.length).toBeGreaterThan(2);
    expect(changes).toContain(POLICY.registryUrl);
    const now = await source.get();
    expect(now.effective.registryUrl).toBe(POLICY.registryUrl);
    expect(now.effective.extraBlocked).toEqual(['corp-blocked.kz']);
  });

  it('stops reading again once the browser has answered', async () => {
    const get = slowPolicyService(0, 10, () => POLICY);
    const source = new SettingsSource(() => undefined);
    source.listen();
    await vi.advanceTimersByTimeAsync(REREAD_MS * 10);
    expect(get).toHaveBeenCalledTimes(1);
    expect((await source.get()).effective.registryUrl).toBe(POLICY.registryUrl);
  });

  it('applies a policy that first reads empty and is announced later by the browser', async () => {
    let current: unknown = {};
    slowPolicyService(0, 10, () => current);
    const changes: string[][] = [];
    const source = new SettingsSource((_before, after) => changes.push(after.effective.extraBlocked));
    source.listen();
    await vi.advanceTimersByTimeAsync(200);
    expect((await source.get()).effective.extraBlocked).toEqual([]);

    current = POLICY;
    await fakeBrowser.storage.onChanged.trigger(
      { extraBlocked: { newValue: POLICY.extraBlocked } },
      'managed' as never,
    );
    await vi.advanceTimersByTimeAsync(100);
    expect((await source.get()).effective.extraBlocked).toEqual(['corp-blocked.kz']);
    expect(changes.at(-1)).toEqual(['corp-blocked.kz']);
  });

  it('keeps the answer for the next start, and serves it while the browser is still silent', async () => {
    slowPolicyService(0, 10, () => POLICY);
    const first = new SettingsSource(() => undefined);
    first.listen();
    await vi.advanceTimersByTimeAsync(100);
    expect((await first.get()).effective.registryUrl).toBe(POLICY.registryUrl);

    vi.restoreAllMocks();
    slowPolicyService(60_000, 10, () => ({}));
    const restarted = new SettingsSource(() => undefined);
    restarted.listen();
    const snapshot = restarted.get();
    await vi.advanceTimersByTimeAsync(200);
    expect((await snapshot).effective.registryUrl).toBe(POLICY.registryUrl);
  });

  it('drops an answer to an older read that arrives after a newer one', async () => {
    const answers: ((value: unknown) => void)[] = [];
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockImplementation(
      (() => new Promise((resolve) => answers.push(resolve))) as never,
    );
    const source = new SettingsSource(() => undefined);
    source.listen();
    await vi.advanceTimersByTimeAsync(REREAD_MS + 10);
    expect(answers.length).toBeGreaterThanOrEqual(2);
    answers[1]?.({ extraBlocked: ['newer.kz'] });
    await vi.advanceTimersByTimeAsync(10);
    answers[0]?.({ extraBlocked: ['older.kz'] });
    await vi.advanceTimersByTimeAsync(10);
    expect((await source.get()).effective.extraBlocked).toEqual(['newer.kz']);
  });
});
