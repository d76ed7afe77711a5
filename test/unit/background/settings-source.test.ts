import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SettingsSource } from '../../../background/settings-source';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('settings in force', () => {
  it('uses defaults when there is no policy, even when reading the managed area fails', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(
      new Error('Managed storage manifest not found'),
    );
    const { effective, problems } = await new SettingsSource(() => undefined).get();
    expect(effective).toMatchObject({
      allowBypass: true,
      blockMode: 'warn',
      detectUnregistered: true,
      syncIntervalMinutes: 360,
    });
    expect(effective.managed).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('puts policy over the user, ignores malformed keys with a reason and keeps the rest', async () => {
    await fakeBrowser.storage.local.set({
      settings: { detectUnregistered: false, registryUrl: 'https://user.example/r.json' },
    });
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockResolvedValue({
      detectUnregistered: true,
      registryUrl: 'ftp://bad.example/r.json',
      syncIntervalMinutes: 0,
      extraBlocked: ['corp-blocked.kz'],
    } as never);
    const { effective, problems } = await new SettingsSource(() => undefined).get();
    expect(effective.detectUnregistered).toBe(true);
    expect(effective.registryUrl).toBe('https://user.example/r.json');
    expect(effective.syncIntervalMinutes).toBe(360);
    expect(effective.extraBlocked).toEqual(['corp-blocked.kz']);
    expect(effective.managed).toEqual(expect.arrayContaining(['detectUnregistered', 'extraBlocked']));
    expect(problems.map((problem) => problem.key).sort()).toEqual(['registryUrl', 'syncIntervalMinutes']);
  });

  it('reports a change even when nothing had been read before it', async () => {
    const changes: [unknown, unknown][] = [];
    const source = new SettingsSource((before, after) => changes.push([before, after.effective.registryUrl]));
    await fakeBrowser.storage.local.set({ settings: { registryUrl: 'https://new.example/r.json' } });
    await source.reload();
    expect(changes).toEqual([[null, 'https://new.example/r.json']]);
  });

  it('does not wait for the browser at all once a policy has been seen before', async () => {
    await fakeBrowser.storage.local.set({ managedPolicyCache: { extraBlocked: ['cached-blocked.kz'] } });
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockReturnValue(new Promise(() => undefined) as never);
    vi.useFakeTimers();
    try {
      // No timer is advanced: a snapshot that waited for the policy service would never settle here.
      const snapshot = await new SettingsSource(() => undefined).get();
      expect(snapshot.effective.extraBlocked).toEqual(['cached-blocked.kz']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('never waits seconds for a slow policy service: the last policy seen is used until the live one arrives', async () => {
    await fakeBrowser.storage.local.set({ managedPolicyCache: { extraBlocked: ['cached-blocked.kz'] } });
    let answer: (value: unknown) => void = () => undefined;
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockReturnValue(
      new Promise((resolve) => {
        answer = resolve;
      }) as never,
    );
    const changes: string[][] = [];
    const source = new SettingsSource((_before, after) => changes.push(after.effective.extraBlocked));
    const started = Date.now();
    const first = await source.get();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(first.effective.extraBlocked).toEqual(['cached-blocked.kz']);
    answer({ extraBlocked: ['live-blocked.kz'] });
    await vi.waitFor(() => expect(changes).toEqual([['live-blocked.kz']]));
    expect((await source.get()).effective.extraBlocked).toEqual(['live-blocked.kz']);
    expect(await fakeBrowser.storage.local.get('managedPolicyCache')).toEqual({
      managedPolicyCache: { extraBlocked: ['live-blocked.kz'] },
    });
  });
});
