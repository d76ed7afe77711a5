import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { forgetBadge } from '../../../background/badge';
import { judgePage } from '../../../background/navigation';
import { forgetPageScore, pageScoreFor } from '../../../background/page-scores';
import type { SettingsSource } from '../../../background/settings-source';
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
  injectImmediately?: boolean;
  func?: (...args: never[]) => unknown;
  args?: unknown[];
};

/** A registry that knows one host per verdict; an unlisted page turns `unregistered` with a score of 5 or more. */
function service(): RegistryService {
  const verdict = async (
    url: string,
    _settings: EffectiveSettings,
    score?: number,
  ): Promise<VerdictResult> => {
    const host = new URL(url).hostname;
    if (host === 'bybit.kz') return { verdict: 'licensed', host, reason: { kind: 'none' } };
    if (host === 'bybit.com') return { verdict: 'warning', host, reason: { kind: 'none' } };
    if (score !== undefined && score >= 5)
      return { verdict: 'unregistered', host, reason: { kind: 'unregistered', score } };
    return { verdict: 'unknown', host, reason: { kind: 'none' } };
  };
  return { verdict } as unknown as RegistryService;
}

function settings(overrides: Partial<EffectiveSettings> = {}): SettingsSource {
  const effective: EffectiveSettings = { ...DEFAULT_SETTINGS, managed: [], ...overrides };
  return { get: async () => ({ effective, user: {}, problems: [] }) } as unknown as SettingsSource;
}

/**
 * The page as the background's injections see it: which files ran, whether a page script runs,
 * and what the detector answers.
 */
function page(options: { pageScript?: boolean; detectorAnswer?: unknown } = {}) {
  const injected: string[][] = [];
  const funcs: unknown[][] = [];
  let pageScript = options.pageScript ?? false;
  const executeScript = vi.fn(async (injection: Injection) => {
    expect(injection.target).toEqual({ tabId: TAB, documentIds: ['doc-1'] });
    if (injection.files) {
      expect(injection.injectImmediately).toBe(true);
      injected.push(injection.files);
      if (injection.files.includes('/page-watch.js')) pageScript = true;
      return [{ frameId: 0, result: undefined }];
    }
    funcs.push(injection.args ?? []);
    // The page-script probe takes one argument; the detector run takes the host and the parts' key.
    const result = injection.args?.length === 1 ? pageScript : (options.detectorAnswer ?? null);
    return [{ frameId: 0, result }];
  });
  const sendMessage = vi.fn(async () => undefined);
  const badges: string[] = [];
  const setBadgeText = vi.fn(async ({ text }: { text: string }) => void badges.push(text));
  Object.assign(fakeBrowser, {
    scripting: { executeScript },
    action: { setBadgeText, setBadgeBackgroundColor: async () => undefined, setTitle: async () => undefined },
  });
  Object.assign(fakeBrowser.tabs, { sendMessage });
  Object.assign(fakeBrowser.i18n, { getMessage: () => '' });
  return { injected, funcs, executeScript, sendMessage, badges };
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
    await judgePage(judge(), FRAME, 'http://bybit.com/', 'parsed');
    expect(seen.injected).toEqual([['/page-banner.js', '/page-watch.js']]);
    // A document just parsed runs no page script yet: no need to ask.
    expect(seen.funcs).toEqual([]);
    expect(seen.sendMessage).not.toHaveBeenCalled();
    expect(seen.badges).toEqual(['!']);
  });

  it('gives an ordinary page nothing while it loads, then only the guard, and runs no detector on a licensed one', async () => {
    const seen = page();
    await judgePage(judge(), FRAME, 'http://bybit.kz/', 'parsed');
    await judgePage(judge(), FRAME, 'http://plain.example/', 'parsed');
    expect(seen.executeScript).not.toHaveBeenCalled();
    await judgePage(judge(), FRAME, 'http://bybit.kz/', 'load');
    expect(seen.injected).toEqual([['/page-detector.js']]);
    expect(seen.funcs).toEqual([]);
    // In the same tab without a new document: each verdict's badge in turn.
    expect(seen.badges).toEqual(['✓', '', '✓']);
  });

  it('runs the detector on an unlisted page once loaded, and makes a banner page of a high score', async () => {
    const seen = page({ detectorAnswer: { score: 6.5, signals: ['rate-table'] } });
    await judgePage(judge(), FRAME, 'http://swap.example/', 'load');
    expect(seen.funcs[0]).toEqual(['swap.example', '__qorganPageParts']);
    expect(pageScoreFor(TAB, 'http://swap.example/#top')).toBe(6.5);
    expect(seen.injected).toEqual([['/page-detector.js'], ['/page-banner.js', '/page-watch.js']]);
    // No badge for the unknown page (the browser reset it when the page committed), then the unregistered mark.
    expect(seen.badges).toEqual(['?']);
  });

  it('leaves an unlisted page alone when the detector finds nothing, or when detection is off', async () => {
    const quiet = page({ detectorAnswer: null });
    await judgePage(judge(), FRAME, 'http://news.example/', 'load');
    expect(quiet.injected).toEqual([['/page-detector.js']]);
    expect(pageScoreFor(TAB, 'http://news.example/')).toBeUndefined();

    const off = page({ detectorAnswer: { score: 9, signals: [] } });
    await judgePage(judge({ detectUnregistered: false }), FRAME, 'http://swap.example/', 'load');
    expect(off.funcs).toEqual([]);
    expect(off.injected).toEqual([['/page-detector.js']]);
  });

  it('ignores a detector answer that is not a finite score', async () => {
    const seen = page({ detectorAnswer: { score: 'lots', signals: [] } });
    await judgePage(judge(), FRAME, 'http://swap.example/', 'load');
    expect(pageScoreFor(TAB, 'http://swap.example/')).toBeUndefined();
    expect(seen.injected).toEqual([['/page-detector.js']]);
  });

  it('after an in-page navigation to an unlisted address, tells the page script and runs the detector at once', async () => {
    const seen = page({ pageScript: true, detectorAnswer: null });
    await judgePage(judge(), FRAME, 'http://swap.example/en/', 'history');
    expect(seen.sendMessage).toHaveBeenCalledWith(TAB, RECHECK_MESSAGE, { frameId: 0 });
    expect(seen.injected).toEqual([['/page-detector.js']]);
    expect(seen.funcs).toHaveLength(1);
  });

  it('after a registry change, leaves a page still loading to its load event', async () => {
    const seen = page({ detectorAnswer: { score: 9, signals: [] } });
    await judgePage(judge(), FRAME, 'http://swap.example/', 'change-while-loading');
    expect(seen.sendMessage).toHaveBeenCalledWith(TAB, RECHECK_MESSAGE, { frameId: 0 });
    expect(seen.executeScript).not.toHaveBeenCalled();
    await judgePage(judge(), FRAME, 'http://swap.example/', 'change');
    expect(seen.injected[0]).toEqual(['/page-detector.js']);
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
    await judgePage(judge(), FRAME, 'http://bybit.com/', 'parsed');
    expect(seen.injected).toEqual([]);
    await judgePage(judge({ allowBypass: false }), FRAME, 'http://bybit.com/', 'parsed');
    expect(seen.injected.at(-1)).toEqual(['/page-banner.js', '/page-watch.js']);
  });
});
