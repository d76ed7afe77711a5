import { parseHTML } from 'linkedom';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { forgetBadge } from '../../../background/badge';
import { judgePage, reapplyToAllTabs } from '../../../background/judge-navigation';
import { LOAD_WAIT_MS } from '../../../background/load-timers';
import { forgetPageScore, pageScoreFor } from '../../../background/page-scores';
import type { SettingsSource } from '../../../background/settings-source';
import {
  collectPageSample,
  DEFAULT_SAMPLE_CHARS,
  scorePage,
  UNREGISTERED_THRESHOLD,
} from '../../../lib/detect/unregistered';
import type { RegistryService } from '../../../lib/engine/registry-service';
import { RECHECK_MESSAGE } from '../../../lib/messaging/protocol';
import { DEFAULT_SETTINGS } from '../../../lib/policy/default-settings';
import type { EffectiveSettings } from '../../../lib/policy/types';
import type { VerdictResult } from '../../../lib/verdict/types';

const TAB = 7;
const FRAME = { tabId: TAB, frameId: 0, documentId: 'doc-1' };

type Injection = {
  target: unknown;
  files?: string[];
  world?: string;
  injectImmediately?: boolean;
  func?: (...args: never[]) => unknown;
  args?: unknown[];
};

const SWEEP = ['/page-sweep.js'];
const SWEEP_AND_SAMPLE = ['/page-sweep.js', '/page-sample.js'];
const BANNER = ['/page-banner.js', '/page-watch.js'];

/** The sample of an exchanger's page, as the page's main world returns it. */
const EXCHANGER_SAMPLE = collectPageSample(
  parseHTML(`<!doctype html><html lang="ru"><head><title>Обмен USDT на тенге</title></head><body>
<h1>Купить USDT за тенге</h1><p>Курс: 1 USDT = 512 ₸. Оплата Kaspi.</p>
<form><input name="amountGive" placeholder="Отдаете"><select><option>USDT TRC20</option><option>BTC</option></select>
<input name="walletAddress" placeholder="Адрес кошелька TRC20"><button>Обменять</button></form></body></html>`)
    .document,
  { maxChars: DEFAULT_SAMPLE_CHARS },
);

/** A registry that knows one host per verdict; an unlisted page turns `unregistered` with a score at the threshold. */
function service(): RegistryService {
  const verdict = async (
    url: string,
    _settings: EffectiveSettings,
    score?: number,
  ): Promise<VerdictResult> => {
    const host = new URL(url).hostname;
    if (host === 'bybit.kz') return { verdict: 'licensed', host, reason: { kind: 'none' } };
    if (host === 'bybit.com') return { verdict: 'warning', host, reason: { kind: 'none' } };
    if (host === 'coinbase.com') return { verdict: 'blocked', host, reason: { kind: 'none' } };
    if (score !== undefined && score >= UNREGISTERED_THRESHOLD)
      return { verdict: 'unregistered', host, reason: { kind: 'unregistered', score } };
    return { verdict: 'unknown', host, reason: { kind: 'none' } };
  };
  return { verdict, prepare: () => undefined } as unknown as RegistryService;
}

function settings(overrides: Partial<EffectiveSettings> = {}): SettingsSource {
  const effective: EffectiveSettings = { ...DEFAULT_SETTINGS, managed: [], ...overrides };
  return { get: async () => ({ effective, user: {}, problems: [] }) } as unknown as SettingsSource;
}

/**
 * The page as the background's injections see it: which files ran, in which world, whether a page
 * script runs, and what the page's main world answers for a sample.
 */
function page(options: { pageScript?: boolean; sample?: unknown; frames?: string[] } = {}) {
  const injected: string[][] = [];
  const probes: unknown[][] = [];
  let pageScript = options.pageScript ?? false;
  const executeScript = vi.fn(async (injection: Injection) => {
    expect(injection.target).toEqual({ tabId: TAB, documentIds: ['doc-1'] });
    if (injection.files) {
      expect(injection.injectImmediately).toBe(true);
      injected.push(injection.files);
      // The banner's files run in the extension's isolated world; the sweep and the sampler in the page's own.
      expect(injection.world).toBe(injection.files.includes('/page-sweep.js') ? 'MAIN' : undefined);
      if (injection.files.includes('/page-watch.js')) pageScript = true;
      const result = injection.files.includes('/page-sample.js') ? (options.sample ?? null) : undefined;
      return [{ frameId: 0, result }];
    }
    probes.push(injection.args ?? []);
    return [{ frameId: 0, result: pageScript }];
  });
  const sendMessage = vi.fn(async () => undefined);
  const badges: string[] = [];
  const setBadgeText = vi.fn(async ({ text }: { text: string }) => void badges.push(text));
  Object.assign(fakeBrowser, {
    scripting: { executeScript },
    action: { setBadgeText, setBadgeBackgroundColor: async () => undefined, setTitle: async () => undefined },
  });
  const update = vi.fn(async () => ({}));
  Object.assign(fakeBrowser.tabs, { sendMessage, update });
  Object.assign(fakeBrowser.i18n, { getMessage: () => '' });
  const frames = (options.frames ?? []).map((url, i) => ({
    frameId: i + 1,
    parentFrameId: 0,
    url,
    errorOccurred: false,
  }));
  Object.assign(fakeBrowser.webNavigation, { getAllFrames: async () => frames });
  return { injected, probes, executeScript, sendMessage, badges, update };
}

const judge = (overrides: Partial<EffectiveSettings> = {}) => ({
  service: service(),
  settings: settings(overrides),
  now: () => new Date('2026-11-22T12:00:00Z'),
});

describe('judging a page from the background', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    forgetPageScore(TAB);
    forgetBadge(TAB);
  });

  it('gives a banner page the banner part and the page script as it commits', async () => {
    const seen = page();
    await judgePage(judge(), FRAME, 'http://bybit.com/', 'committed');
    expect(seen.injected).toEqual([BANNER]);
    // A document just committed runs no page script yet: no need to ask.
    expect(seen.probes).toEqual([]);
    expect(seen.sendMessage).not.toHaveBeenCalled();
    expect(seen.badges).toEqual(['!']);
  });

  it('tries again once the page is parsed, only where the injection at commit did not take', async () => {
    const missed = page();
    await judgePage(judge(), FRAME, 'http://bybit.com/', 'parsed');
    expect(missed.probes).toHaveLength(1);
    expect(missed.injected).toEqual([BANNER]);
    const taken = page({ pageScript: true });
    await judgePage(judge(), FRAME, 'http://bybit.com/', 'parsed');
    expect(taken.probes).toHaveLength(1);
    expect(taken.injected).toEqual([]);
    expect(taken.sendMessage).not.toHaveBeenCalled();
  });

  it('gives a page that frames a warned site the banner in its top frame, and never samples it', async () => {
    const seen = page({ frames: ['http://bybit.com/', 'about:blank'], sample: EXCHANGER_SAMPLE });
    await judgePage(judge(), FRAME, 'http://wrapper.example/', 'framed');
    expect(seen.injected).toEqual([BANNER]);
    await judgePage(judge(), FRAME, 'http://wrapper.example/', 'load');
    expect(seen.injected).toEqual([BANNER]);
    expect(seen.badges).toEqual(['!']);
    // A frame of a site the user dismissed gives the page no banner.
    await fakeBrowser.storage.local.set({ dismissed: { 'bybit.com': '2026-11-23T00:00:00.000Z' } });
    const dismissed = page({ frames: ['http://bybit.com/'] });
    await judgePage(judge(), FRAME, 'http://wrapper.example/', 'framed');
    expect(dismissed.executeScript).not.toHaveBeenCalled();
  });

  it('in block mode, sends a tab whose page frames a blocked site to the block page for the framed address', async () => {
    const seen = page({ frames: ['http://coinbase.com/trade'] });
    await judgePage(
      judge({ blockMode: 'block', allowBypass: false }),
      FRAME,
      'http://wrapper.example/',
      'parsed',
    );
    expect(seen.update).toHaveBeenCalledWith(TAB, {
      url: `${fakeBrowser.runtime.getURL('/blocked.html')}?url=${encodeURIComponent('http://coinbase.com/trade')}`,
    });
    expect(seen.injected).toEqual([]);
    const warned = page({ frames: ['http://coinbase.com/trade'] });
    await judgePage(judge(), FRAME, 'http://wrapper.example/', 'parsed');
    expect(warned.update).not.toHaveBeenCalled();
    expect(warned.injected).toEqual([BANNER]);
  });

  it('gives an ordinary page nothing while it loads, then only the sweep, and samples no licensed one', async () => {
    const seen = page({ sample: EXCHANGER_SAMPLE });
    await judgePage(judge(), FRAME, 'http://bybit.kz/', 'parsed');
    await judgePage(judge(), FRAME, 'http://plain.example/', 'parsed');
    expect(seen.executeScript).not.toHaveBeenCalled();
    await judgePage(judge(), FRAME, 'http://bybit.kz/', 'load');
    expect(seen.injected).toEqual([SWEEP]);
    expect(pageScoreFor(TAB, 'http://bybit.kz/')).toBeUndefined();
    // In the same tab without a new document: each verdict's badge in turn.
    expect(seen.badges).toEqual(['✓', '', '✓']);
  });

  it('leaves the sweep of a loaded results page to its link marks, but not at other moments', async () => {
    const seen = page();
    await judgePage(judge(), FRAME, 'https://www.google.com/search?q=usdt', 'load', true);
    expect(seen.injected).toEqual([]);
    expect(seen.badges).toEqual([]);
    // After an in-page navigation or a settings change the page still gets the sweep of its own.
    await judgePage(judge(), FRAME, 'https://www.google.com/search?q=btc', 'history', false);
    expect(seen.injected).toEqual([SWEEP]);
    // A page whose link marks sweep but that the detector wants is still sampled, sweep included.
    const sampled = page({ sample: null });
    await judgePage(judge(), FRAME, 'http://swap.example/', 'load', true);
    expect(sampled.injected).toEqual([SWEEP_AND_SAMPLE]);
  });

  it('samples an unlisted page once loaded, scores it, and makes a banner page of a high score', async () => {
    const { score } = scorePage(EXCHANGER_SAMPLE, 'swap.example');
    expect(score).toBeGreaterThanOrEqual(UNREGISTERED_THRESHOLD);
    const seen = page({ sample: EXCHANGER_SAMPLE });
    await judgePage(judge(), FRAME, 'http://swap.example/', 'load');
    expect(pageScoreFor(TAB, 'http://swap.example/#top')).toBe(score);
    expect(seen.injected).toEqual([SWEEP_AND_SAMPLE, BANNER]);
    // No badge for the unknown page (the browser reset it when the page committed), then the unregistered mark.
    expect(seen.badges).toEqual(['?']);
  });

  it('leaves an unlisted page alone when it names no crypto-asset, scores low, or detection is off', async () => {
    const quiet = page({ sample: null });
    await judgePage(judge(), FRAME, 'http://news.example/', 'load');
    expect(quiet.injected).toEqual([SWEEP_AND_SAMPLE]);
    expect(pageScoreFor(TAB, 'http://news.example/')).toBeUndefined();

    const lowSample = {
      ...EXCHANGER_SAMPLE,
      title: 'News',
      headings: [],
      text: 'USDT',
      fields: [],
      options: [],
      buttons: [],
    };
    expect(scorePage(lowSample, 'news.example').score).toBeLessThan(UNREGISTERED_THRESHOLD);
    const low = page({ sample: lowSample });
    await judgePage(judge(), FRAME, 'http://news.example/', 'load');
    expect(low.injected).toEqual([SWEEP_AND_SAMPLE]);
    expect(pageScoreFor(TAB, 'http://news.example/')).toBeUndefined();

    const off = page({ sample: EXCHANGER_SAMPLE });
    await judgePage(judge({ detectUnregistered: false }), FRAME, 'http://swap.example/', 'load');
    expect(off.injected).toEqual([SWEEP]);
    expect(pageScoreFor(TAB, 'http://swap.example/')).toBeUndefined();
  });

  it('samples from the isolated world when the main world says the page patched the sampler', async () => {
    const seen = page({ sample: 'qorgan:sampler-tampered' });
    seen.executeScript.mockImplementation(async (injection: Injection) => {
      if (injection.files?.includes('/page-sample-isolated.js'))
        return [{ frameId: 0, result: EXCHANGER_SAMPLE }];
      if (injection.files) return [{ frameId: 0, result: 'qorgan:sampler-tampered' }];
      return [{ frameId: 0, result: false }];
    });
    await judgePage(judge(), FRAME, 'http://swap.example/', 'load');
    expect(pageScoreFor(TAB, 'http://swap.example/')).toBeGreaterThanOrEqual(UNREGISTERED_THRESHOLD);
  });

  it('never samples a search or messenger site of the link marks’ table, which names exchangers without being one', async () => {
    const seen = page({ sample: EXCHANGER_SAMPLE });
    await judgePage(judge(), FRAME, 'https://www.google.kz/search?q=usdt', 'load');
    expect(seen.injected).toEqual([SWEEP]);
  });

  it('refuses an answer from the page that is not a sample', async () => {
    for (const sample of [{ score: 99 }, { ...EXCHANGER_SAMPLE, text: 42 }, [EXCHANGER_SAMPLE], 'USDT']) {
      const seen = page({ sample });
      await judgePage(judge(), FRAME, 'http://swap.example/', 'load');
      expect(seen.injected).toEqual([SWEEP_AND_SAMPLE]);
      expect(pageScoreFor(TAB, 'http://swap.example/')).toBeUndefined();
    }
  });

  it('reads a page whose main world never answers from the isolated world, then gives up', async () => {
    vi.useFakeTimers();
    try {
      const seen = page();
      seen.executeScript.mockImplementation(() => new Promise(() => undefined));
      let done = false;
      const judged = judgePage(judge(), FRAME, 'http://swap.example/', 'load').then(() => {
        done = true;
      });
      await vi.advanceTimersByTimeAsync(4_000);
      expect(seen.executeScript.mock.calls.map(([injection]) => [injection.files, injection.world])).toEqual([
        [SWEEP_AND_SAMPLE, 'MAIN'],
        [['/page-sample-isolated.js'], undefined],
      ]);
      await vi.advanceTimersByTimeAsync(9_000);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(1_000);
      await judged;
      expect(done).toBe(true);
      expect(pageScoreFor(TAB, 'http://swap.example/')).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });

  it('after an in-page navigation to an unlisted address, tells the page script and samples the page at once', async () => {
    const seen = page({ pageScript: true, sample: null });
    await judgePage(judge(), FRAME, 'http://swap.example/en/', 'history');
    expect(seen.sendMessage).toHaveBeenCalledWith(TAB, RECHECK_MESSAGE, { frameId: 0 });
    expect(seen.injected).toEqual([SWEEP_AND_SAMPLE]);
  });

  it('after a registry change, leaves a page still loading to its load event', async () => {
    const seen = page({ sample: null });
    await judgePage(judge(), FRAME, 'http://swap.example/', 'change-while-loading');
    expect(seen.sendMessage).toHaveBeenCalledWith(TAB, RECHECK_MESSAGE, { frameId: 0 });
    expect(seen.executeScript).not.toHaveBeenCalled();
    await judgePage(judge(), FRAME, 'http://swap.example/', 'change');
    expect(seen.injected).toEqual([SWEEP_AND_SAMPLE]);
  });

  it('samples a page that was loading before the worker listened once its load event is overdue', async () => {
    vi.useFakeTimers();
    try {
      const seen = page({ sample: EXCHANGER_SAMPLE });
      // Opened before the worker listened: no DOMContentLoaded or load event will reach it.
      seen.executeScript.mockImplementation(async (injection: Injection) => {
        if (injection.files) seen.injected.push(injection.files);
        return [
          { frameId: 0, result: injection.files?.includes('/page-sample.js') ? EXCHANGER_SAMPLE : false },
        ];
      });
      Object.assign(fakeBrowser.tabs, {
        query: async () => [{ id: TAB, url: 'http://swap.example/', status: 'loading' }],
      });
      const { service: registry, settings: source, now } = judge();
      await reapplyToAllTabs(registry, source, now);
      expect(seen.injected).toEqual([]);
      await vi.advanceTimersByTimeAsync(LOAD_WAIT_MS - 1);
      expect(seen.injected).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      await vi.waitFor(() =>
        expect(pageScoreFor(TAB, 'http://swap.example/')).toBeGreaterThanOrEqual(UNREGISTERED_THRESHOLD),
      );
      expect(seen.injected[0]).toEqual(SWEEP_AND_SAMPLE);
      expect(seen.badges.at(-1)).toBe('?');
    } finally {
      vi.useRealTimers();
    }
  });

  it('tells a running page script to check again after an in-page navigation, instead of injecting it twice', async () => {
    const seen = page({ pageScript: true });
    await judgePage(judge(), FRAME, 'http://bybit.com/en/trade', 'history');
    expect(seen.injected).toEqual([]);
    expect(seen.sendMessage).toHaveBeenCalledWith(TAB, RECHECK_MESSAGE, { frameId: 0 });
  });

  it('gives no banner to a site the user dismissed', async () => {
    const seen = page();
    await fakeBrowser.storage.local.set({ dismissed: { 'bybit.com': '2026-11-23T00:00:00.000Z' } });
    await judgePage(judge(), FRAME, 'http://bybit.com/', 'committed');
    expect(seen.injected).toEqual([]);
    await judgePage(judge({ allowBypass: false }), FRAME, 'http://bybit.com/', 'committed');
    expect(seen.injected.at(-1)).toEqual(BANNER);
  });
});
