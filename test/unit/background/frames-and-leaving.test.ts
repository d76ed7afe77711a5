import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { forgetBadge } from '../../../background/badge';
import { createHandlers } from '../../../background/handlers';
import { listenToNavigation } from '../../../background/navigation';
import { forgetPageScore } from '../../../background/page-scores';
import type { SettingsSource } from '../../../background/settings-source';
import { recordCommit } from '../../../background/site-trail';
import type { RegistryService } from '../../../lib/engine/registry-service';
import { DEFAULT_SETTINGS } from '../../../lib/policy/default-settings';
import type { EffectiveSettings } from '../../../lib/policy/types';
import type { VerdictResult } from '../../../lib/verdict/types';

const TAB = 9;
const NOW = () => new Date('2026-11-22T12:00:00Z');
const BLOCK_PAGE = () => fakeBrowser.runtime.getURL('/blocked.html');
const blockPageFor = (url: string) => `${BLOCK_PAGE()}?url=${encodeURIComponent(url)}`;

const VERDICTS: Record<string, VerdictResult['verdict']> = {
  'bybit.com': 'warning',
  'coinbase.com': 'blocked',
};

function service(): RegistryService {
  const verdict = async (url: string): Promise<VerdictResult> => {
    const host = new URL(url).hostname;
    return { verdict: VERDICTS[host] ?? 'unknown', host, reason: { kind: 'none' } };
  };
  return { verdict, prepare: () => undefined, meta: null } as unknown as RegistryService;
}

function settings(overrides: Partial<EffectiveSettings> = {}): SettingsSource {
  const effective: EffectiveSettings = { ...DEFAULT_SETTINGS, managed: [], ...overrides };
  return { get: async () => ({ effective, user: {}, problems: [] }) } as unknown as SettingsSource;
}

/** The tab as the background's browser calls see it: its frames, the origin its document answers, where it is sent. */
function tab(frames: string[], answers: { origin?: string } = {}) {
  const update = vi.fn(async () => ({}));
  const injected: unknown[] = [];
  const executeScript = vi.fn(async (injection: { files?: string[]; func?: unknown }) => {
    if (injection.files) injected.push(injection.files);
    return [{ frameId: 0, result: injection.files ? undefined : (answers.origin ?? false) }];
  });
  const all = frames.map((url, frameId) => ({
    frameId,
    parentFrameId: frameId - 1,
    url,
    errorOccurred: false,
  }));
  Object.assign(fakeBrowser.webNavigation, {
    getAllFrames: async () => all,
    getFrame: async ({ frameId }: { frameId: number }) => all[frameId] ?? null,
  });
  Object.assign(fakeBrowser.tabs, { update, sendMessage: async () => undefined });
  Object.assign(fakeBrowser, {
    scripting: { executeScript },
    action: {
      setBadgeText: async () => undefined,
      setBadgeBackgroundColor: async () => undefined,
      setTitle: async () => undefined,
    },
  });
  Object.assign(fakeBrowser.i18n, { getMessage: () => '' });
  return { update, executeScript, injected };
}

const sender = (
  url: string,
  extra: Partial<Browser.runtime.MessageSender> = {},
): Browser.runtime.MessageSender => ({
  id: fakeBrowser.runtime.id,
  url,
  frameId: 0,
  tab: { id: TAB, url } as Browser.tabs.Tab,
  ...extra,
});

const handlers = (overrides: Partial<EffectiveSettings> = {}) =>
  createHandlers({
    service: service(),
    settings: settings(overrides),
    syncNow: async () => undefined,
    now: NOW,
  });

describe('what the background tells a page about itself and its frames', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    forgetBadge(TAB);
    forgetPageScore(TAB);
  });

  it('answers a wrapper that frames a warned site with that site, shown via the wrapper', async () => {
    tab(['http://wrapper.example/', 'http://bybit.com/']);
    const context = await handlers()['page/context'](
      { url: 'http://wrapper.example/' },
      sender('http://wrapper.example/'),
    );
    expect(context.result).toMatchObject({ verdict: 'warning', host: 'bybit.com' });
    expect(context.shownVia).toEqual({ host: 'wrapper.example' });

    tab(['http://wrapper.example/', 'http://news.example/']);
    const plain = await handlers()['page/context'](
      { url: 'http://wrapper.example/' },
      sender('http://wrapper.example/'),
    );
    expect(plain.result).toMatchObject({ verdict: 'unknown', host: 'wrapper.example' });
    expect(plain.shownVia).toBeUndefined();
  });

  it('judges blob: and about:blank documents by their origin, never by what the page claims', async () => {
    tab(['about:blank'], { origin: 'http://bybit.com' });
    const blob = await handlers()['page/context'](
      { url: 'http://bybit.kz/' },
      sender('blob:http://bybit.com/3f2a7c1e-0000-4000-8000-000000000000'),
    );
    expect(blob.result).toMatchObject({ verdict: 'warning', host: 'bybit.com' });
    // The browser names the origin (Chrome)…
    const named = await handlers()['page/context'](
      { url: 'about:blank' },
      sender('about:blank', { origin: 'http://bybit.com' }),
    );
    expect(named.result.host).toBe('bybit.com');
    // …or the document answers our isolated world (Firefox).
    const asked = tab(['about:blank'], { origin: 'http://bybit.com' });
    const answered = await handlers()['page/context']({ url: 'about:blank' }, sender('about:blank'));
    expect(answered.result.host).toBe('bybit.com');
    expect(asked.executeScript).toHaveBeenCalledTimes(1);
  });

  it('sends a page that frames a blocked site to the block page in block mode only', async () => {
    const blocked = tab(['http://wrapper.example/', 'http://coinbase.com/trade']);
    const locked = handlers({ blockMode: 'block', allowBypass: false });
    await expect(
      locked['page/redirect-blocked']({ url: '' }, sender('http://wrapper.example/')),
    ).resolves.toEqual({ ok: true });
    expect(blocked.update).toHaveBeenCalledWith(TAB, { url: blockPageFor('http://coinbase.com/trade') });

    const warned = tab(['http://wrapper.example/', 'http://coinbase.com/trade']);
    await expect(
      handlers()['page/redirect-blocked']({ url: '' }, sender('http://wrapper.example/')),
    ).resolves.toEqual({ ok: false });
    expect(warned.update).not.toHaveBeenCalled();
  });

  it('leaves the site for the last page of another, or for the lookup page; the tab is always the sender’s', async () => {
    const seen = tab(['https://bybit.com/trap/5']);
    for (const url of ['https://news.example/a', 'https://bybit.com/', 'https://bybit.com/en/']) {
      await recordCommit(TAB, url, url);
    }
    await recordCommit(TAB + 1, 'https://other.example/', 'https://other.example/');
    await handlers()['tab/leave-site']({}, sender('https://bybit.com/trap/5'));
    expect(seen.update).toHaveBeenCalledWith(TAB, { url: 'https://news.example/a' });

    const alone = tab(['https://bybit.com/']);
    await fakeBrowser.storage.session.clear();
    await handlers()['tab/leave-site']({}, sender('https://bybit.com/'));
    expect(alone.update).toHaveBeenCalledWith(TAB, {
      url: `${fakeBrowser.runtime.getURL('/popup.html')}?url=${encodeURIComponent('https://bybit.com/')}`,
    });
    // From the block page: back past the blocked site, to the page before it.
    await recordCommit(TAB, 'https://news.example/', 'https://news.example/');
    await recordCommit(TAB, blockPageFor('https://coinbase.com/'), null);
    await handlers()['tab/leave-site']({}, sender(blockPageFor('https://coinbase.com/')));
    expect(alone.update).toHaveBeenLastCalledWith(TAB, { url: 'https://news.example/' });
  });
});

describe('the navigation hooks and frames', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    forgetBadge(TAB);
    forgetPageScore(TAB);
  });

  it('gives the top frame the banner when a frame commits a warned site, and records it for "Go back"', async () => {
    const seen = tab(['http://wrapper.example/', 'http://bybit.com/']);
    listenToNavigation(service(), settings(), NOW);
    await recordCommit(TAB, 'http://wrapper.example/', 'http://wrapper.example/');
    await fakeBrowser.webNavigation.onCommitted.trigger({
      tabId: TAB,
      frameId: 1,
      url: 'http://bybit.com/',
    } as never);
    await vi.waitFor(() => expect(seen.injected).toEqual([['/page-banner.js', '/page-watch.js']]));
    const { [`trail:${TAB}`]: trail } = await fakeBrowser.storage.session.get(`trail:${TAB}`);
    expect(trail).toEqual([
      { url: 'http://wrapper.example/', site: 'wrapper.example', shows: ['bybit.com'] },
    ]);
    // A frame on no list gives nothing.
    const quiet = tab(['http://wrapper.example/', 'http://news.example/']);
    await fakeBrowser.webNavigation.onCommitted.trigger({
      tabId: TAB,
      frameId: 1,
      url: 'http://news.example/',
    } as never);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(quiet.executeScript).not.toHaveBeenCalled();
  });

  it('in block mode, sends the tab to the block page as soon as a frame starts for a blocked site', async () => {
    const seen = tab(['http://wrapper.example/']);
    const navigation = listenToNavigation(
      service(),
      settings({ blockMode: 'block', allowBypass: false }),
      NOW,
    );
    navigation.applySettings({ ...DEFAULT_SETTINGS, managed: [], blockMode: 'block', allowBypass: false });
    await recordCommit(TAB, 'http://wrapper.example/', 'http://wrapper.example/');
    await fakeBrowser.webNavigation.onBeforeNavigate.trigger({
      tabId: TAB,
      frameId: 3,
      url: 'https://coinbase.com/x',
    } as never);
    await vi.waitFor(() =>
      expect(seen.update).toHaveBeenCalledWith(TAB, { url: blockPageFor('https://coinbase.com/x') }),
    );
    const { [`trail:${TAB}`]: trail } = await fakeBrowser.storage.session.get(`trail:${TAB}`);
    expect(trail).toEqual([
      { url: 'http://wrapper.example/', site: 'wrapper.example', shows: ['coinbase.com'] },
    ]);
  });
});
