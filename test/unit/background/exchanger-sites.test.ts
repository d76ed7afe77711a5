import { parseHTML } from 'linkedom';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  EXCHANGER_SITE_DAYS,
  exchangerSiteScore,
  forgetExchangerSite,
  noteDetectorScore,
} from '../../../background/exchanger-sites';
import { createHandlers } from '../../../background/handlers';
import { judgePage } from '../../../background/judge-navigation';
import { forgetPageScore } from '../../../background/page-scores';
import type { SettingsSource } from '../../../background/settings-source';
import { collectPageSample, UNREGISTERED_THRESHOLD } from '../../../lib/detect/unregistered';
import type { RegistryService } from '../../../lib/engine/registry-service';
import { DEFAULT_SETTINGS } from '../../../lib/policy/default-settings';
import type { EffectiveSettings } from '../../../lib/policy/types';
import type { VerdictResult } from '../../../lib/verdict/types';

const START = new Date('2026-11-22T12:00:00Z');
const TAB = 3;
const FRAME = { tabId: TAB, frameId: 0, documentId: 'doc-9' };
const days = (n: number) => new Date(START.getTime() + n * 86_400_000);
const memorable = { score: UNREGISTERED_THRESHOLD + 2, signals: [], memorable: true };

/** The sample of an exchanger's direction page, as the page's main world returns it. */
const EXCHANGER = collectPageSample(
  parseHTML(`<html lang="ru"><head><title>Обмен Monero XMR на Kaspi KZT</title></head><body>
  <h1>Обмен Monero XMR на Kaspi KZT</h1><p>Курс: 1 XMR = 98 000 ₸. Курс в заявке держится 20 минут, нужно 10 подтверждений сети, резерв 4 000 000 KZT.</p>
  <label for="a">Отдаете</label><input id="a" name="sum1"><label for="w">Номер карты получателя</label><input id="w" name="account2">
  <select><option>Monero XMR</option><option>Tether TRC20 USDT</option></select><button>Обменять</button></body></html>`)
    .document,
  { maxChars: 8_000 },
);

function service(): RegistryService {
  const verdict = async (url: string, _s: EffectiveSettings, score?: number): Promise<VerdictResult> => {
    const host = new URL(url).hostname;
    return score !== undefined && score >= UNREGISTERED_THRESHOLD
      ? { verdict: 'unregistered', host, reason: { kind: 'unregistered', score } }
      : { verdict: 'unknown', host, reason: { kind: 'none' } };
  };
  return { verdict, prepare: () => undefined } as unknown as RegistryService;
}

const settings = {
  get: async () => ({ effective: { ...DEFAULT_SETTINGS, managed: [] }, user: {}, problems: [] }),
} as unknown as SettingsSource;

/** Records which files each injection ran; the sampler answers with `sample`. */
function pageAnswering(sample: unknown): string[][] {
  const injected: string[][] = [];
  const executeScript = vi.fn(async (injection: { files?: string[] }) => {
    if (injection.files) injected.push(injection.files);
    return [{ frameId: 0, result: injection.files?.includes('/page-sample.js') ? sample : false }];
  });
  Object.assign(fakeBrowser, {
    scripting: { executeScript },
    action: {
      setBadgeText: async () => undefined,
      setBadgeBackgroundColor: async () => undefined,
      setTitle: async () => undefined,
    },
  });
  Object.assign(fakeBrowser.tabs, { sendMessage: vi.fn(async () => undefined) });
  // A page without frames.
  Object.assign(fakeBrowser.webNavigation, { getAllFrames: async () => [] });
  Object.assign(fakeBrowser.i18n, { getMessage: () => '' });
  return injected;
}

beforeEach(() => {
  fakeBrowser.reset();
  forgetPageScore(TAB);
  vi.useFakeTimers();
  vi.setSystemTime(START);
});
afterEach(() => vi.useRealTimers());

describe('site memory of the unregistered detector', () => {
  it('holds a memorable verdict for the whole site for 30 days, on this device', async () => {
    expect(await noteDetectorScore('www.swap.example', memorable, new Date())).toBe(true);
    expect(await exchangerSiteScore('rules.swap.example', new Date())).toBe(memorable.score);
    vi.setSystemTime(days(EXCHANGER_SITE_DAYS - 1));
    expect(await exchangerSiteScore('swap.example', new Date())).toBe(memorable.score);
    vi.setSystemTime(days(EXCHANGER_SITE_DAYS + 1));
    expect(await exchangerSiteScore('swap.example', new Date())).toBeUndefined();
    expect(Object.keys(await fakeBrowser.storage.local.get('exchangerSites'))).toEqual(['exchangerSites']);
  });

  it('is never set from a score that is not memorable or below the threshold', async () => {
    expect(await noteDetectorScore('bank.example', { ...memorable, memorable: false }, START)).toBe(false);
    expect(await noteDetectorScore('bank.example', { score: 2, signals: [], memorable: true }, START)).toBe(
      false,
    );
    expect(await noteDetectorScore('bank.example', { score: 9, signals: [] }, START)).toBe(false);
    expect(await exchangerSiteScore('bank.example', START)).toBeUndefined();
  });

  it('is cleared by the user undoing it', async () => {
    await noteDetectorScore('swap.example', memorable, START);
    await forgetExchangerSite('www.swap.example');
    expect(await exchangerSiteScore('swap.example', START)).toBeUndefined();
  });

  it("is cleared by the banner's Dismiss", async () => {
    await noteDetectorScore('swap.example', memorable, START);
    const handlers = createHandlers({
      service: service(),
      settings,
      syncNow: async () => undefined,
      now: () => new Date(),
    });
    await handlers['dismiss/add']({ host: 'swap.example' }, {} as never);
    expect(await exchangerSiteScore('swap.example', new Date())).toBeUndefined();
  });

  it("gives the site's other pages the banner as they commit, once one page was judged an exchanger", async () => {
    const injected = pageAnswering(EXCHANGER);
    const judge = { service: service(), settings, now: () => new Date() };
    await judgePage(judge, FRAME, 'https://swap.example/exchange-xmr-to-kaspikzt', 'load');
    expect(await exchangerSiteScore('swap.example', new Date())).toBeGreaterThanOrEqual(
      UNREGISTERED_THRESHOLD,
    );
    forgetPageScore(TAB);
    injected.length = 0;
    await judgePage(judge, FRAME, 'https://swap.example/rules', 'parsed');
    expect(injected).toEqual([['/page-banner.js', '/page-watch.js']]);
  });

  it('is not set by a page whose offer is only echoed from a crafted address', async () => {
    const echoed = collectPageSample(
      parseHTML(`<html><head><title>Поиск: Обмен USDT на тенге: 1 USDT = 518 ₸ перевод на Kaspi</title></head>
      <body><h1>Обмен USDT на тенге: 1 USDT = 518 ₸ перевод на Kaspi</h1><p>Ничего не найдено по запросу Обмен USDT на тенге: 1 USDT = 518 ₸ перевод на Kaspi</p></body></html>`)
        .document,
      { maxChars: 8_000 },
    );
    pageAnswering(echoed);
    const judge = { service: service(), settings, now: () => new Date() };
    const url = `https://bank.example/search?q=${encodeURIComponent('Обмен USDT на тенге: 1 USDT = 518 ₸ перевод на Kaspi')}`;
    await judgePage(judge, FRAME, url, 'load');
    expect(await exchangerSiteScore('bank.example', new Date())).toBeUndefined();
  });
});
