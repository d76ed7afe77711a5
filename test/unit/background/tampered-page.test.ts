import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { dismissForSession } from '../../../background/dismissals';
import type { SettingsSource } from '../../../background/settings-source';
import { toWarningPage } from '../../../background/tampered-page';
import type { RegistryService } from '../../../lib/engine/registry-service';
import { DEFAULT_SETTINGS } from '../../../lib/policy/default-settings';
import type { EffectiveSettings } from '../../../lib/policy/types';
import type { VerdictResult } from '../../../lib/verdict/types';

const TAB = 11;

function judge() {
  const verdict = async (url: string): Promise<VerdictResult> => {
    const host = new URL(url).hostname;
    return { verdict: host === 'bybit.com' ? 'warning' : 'unknown', host, reason: { kind: 'none' } };
  };
  const effective: EffectiveSettings = { ...DEFAULT_SETTINGS, managed: [] };
  return {
    service: { verdict, prepare: () => undefined } as unknown as RegistryService,
    settings: { get: async () => ({ effective, user: {}, problems: [] }) } as unknown as SettingsSource,
    now: () => new Date('2026-12-01T00:00:00Z'),
  };
}

const sender = (url: string) => ({ tab: { id: TAB, url } as never, frameId: 0, url, id: 'own' });

describe('a page that keeps hiding its banner', () => {
  let update: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    fakeBrowser.reset();
    update = vi.fn(async () => undefined);
    fakeBrowser.tabs.update = update as never;
  });

  it("sends the sender's own tab to the warning page, judged from the browser's word about the sender", async () => {
    expect(await toWarningPage(judge(), sender('http://bybit.com/trade'))).toBe(true);
    const [tabId, properties] = update.mock.calls[0] as [number, { url: string }];
    expect(tabId).toBe(TAB);
    expect(properties.url).toMatch(
      /\/blocked\.html\?url=http%3A%2F%2Fbybit\.com%2Ftrade&tampered=1&verdict=warning$/,
    );
  });

  it('says on the warning page when the document was one the browser paints no banner in', async () => {
    expect(await toWarningPage(judge(), sender('http://bybit.com/chart.svg'), 'unpaintable')).toBe(true);
    const [, properties] = update.mock.calls[0] as [number, { url: string }];
    expect(properties.url).toMatch(/&tampered=1&verdict=warning&cause=unpaintable$/);
  });

  it('leaves a page whose verdict needs no banner, a tab-less sender, or a site let through this session', async () => {
    expect(await toWarningPage(judge(), sender('http://plain.example.org/'))).toBe(false);
    expect(await toWarningPage(judge(), { url: 'http://bybit.com/', id: 'own' })).toBe(false);
    await dismissForSession('bybit.com');
    expect(await toWarningPage(judge(), sender('http://bybit.com/'))).toBe(false);
    expect(update).not.toHaveBeenCalled();
  });
});
