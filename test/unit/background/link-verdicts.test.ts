import { describe, expect, it } from 'vitest';
import { createLinkVerdicts } from '../../../background/link-verdicts';
import type { SettingsSource } from '../../../background/settings-source';
import type { RegistryService } from '../../../lib/engine/registry-service';
import { createRateLimiter } from '../../../lib/links/rate-limit';
import { CATALOGS } from '../../../lib/i18n/catalogs';
import { MAX_LINK_BATCH } from '../../../lib/messaging/protocol';
import { DEFAULT_SETTINGS } from '../../../lib/policy/default-settings';
import type { VerdictResult } from '../../../lib/verdict/types';

function deps(now: () => number = () => 0, language: string | null = 'kk') {
  const judged: string[] = [];
  const service = {
    verdict: async (url: string): Promise<VerdictResult> => {
      judged.push(url);
      const host = new URL(url).hostname;
      const verdict = host === 'coinbase.com' ? 'blocked' : host === 'bybit.kz' ? 'licensed' : 'unknown';
      return { verdict, host, reason: { kind: 'none' } };
    },
  } as unknown as RegistryService;
  const settings = {
    get: async () => ({
      effective: DEFAULT_SETTINGS,
      user: { language: language ?? undefined },
      problems: [],
    }),
  } as unknown as SettingsSource;
  const limiter = createRateLimiter({ capacity: 2, refillMs: 1_000, now });
  return {
    judged,
    handler: createLinkVerdicts({ service, settings, limiter, browserLanguage: () => 'ru-RU' }),
  };
}

const fromGoogle = { id: 'own', url: 'https://www.google.kz/search?q=usdt', tab: { id: 3 } } as never;

describe('links/verdicts in the background', () => {
  it('answers with the marked links only, each worded in the user’s language', async () => {
    const { handler } = deps();
    const answer = await handler(
      { links: ['https://coinbase.com/', 'https://plain.example.org/', 'https://bybit.kz/'] },
      fromGoogle,
    );
    expect(answer.marked.map((item) => [item.link, item.verdict])).toEqual([
      ['https://coinbase.com/', 'blocked'],
      ['https://bybit.kz/', 'licensed'],
    ]);
    for (const mark of answer.marked) {
      expect(mark.sentence).not.toBe('');
      expect(mark.label).toBe(CATALOGS.kk.link_mark_label.replace('{sentence}', mark.sentence));
    }
    expect(answer.ask).toEqual({
      title: CATALOGS.kk.link_ask_title,
      goBack: CATALOGS.kk.action_go_back,
      proceed: CATALOGS.kk.action_proceed,
    });
    expect(answer.allowBypass).toBe(DEFAULT_SETTINGS.allowBypass);
    expect(answer.retryAfterMs).toBeUndefined();
  });

  it('words the marks in the browser’s language when the user chose none', async () => {
    const { handler } = deps(() => 0, null);
    const answer = await handler({ links: ['https://coinbase.com/'] }, fromGoogle);
    expect(answer.ask.title).toBe(CATALOGS.ru.link_ask_title);
    expect(answer.marked[0]?.label).toBe(
      CATALOGS.ru.link_mark_label.replace('{sentence}', answer.marked[0]?.sentence ?? ''),
    );
  });

  it('judges a redirect wrapper by its real target, each target once, and not the page’s own links', async () => {
    const { handler, judged } = deps();
    const wrapped = (target: string, n: number) =>
      `https://www.google.kz/url?q=${encodeURIComponent(target)}&ved=${n}`;
    const answer = await handler(
      {
        links: [
          wrapped('https://coinbase.com/buy?x=1', 1),
          wrapped('https://coinbase.com/buy?x=2', 2),
          'https://www.google.kz/search?q=next',
          'tg://resolve?domain=Some_Bot',
          'javascript:void(0)',
          'https://[bad/',
          'x'.repeat(10_000),
        ],
      },
      fromGoogle,
    );
    expect(judged).toEqual(['https://coinbase.com/buy', 'https://t.me/some_bot']);
    expect(answer.marked.map((item) => [item.link, item.verdict])).toEqual([
      [wrapped('https://coinbase.com/buy?x=1', 1), 'blocked'],
      [wrapped('https://coinbase.com/buy?x=2', 2), 'blocked'],
    ]);
  });

  it('judges at most MAX_LINK_BATCH links of a message, and skips what is no string', async () => {
    const { handler, judged } = deps();
    const targets = Array.from({ length: MAX_LINK_BATCH + 50 }, (_, i) => `https://s${i}.example.org/`);
    await handler({ links: [42 as unknown as string, ...targets] }, fromGoogle);
    expect(judged).toHaveLength(MAX_LINK_BATCH - 1);
  });

  it('judges nothing for a page outside the table or without a tab', async () => {
    const { handler, judged } = deps();
    await handler({ links: ['https://coinbase.com/'] }, {
      id: 'own',
      url: 'https://news.example.kz/',
      tab: { id: 3 },
    } as never);
    await handler({ links: ['https://coinbase.com/'] }, {
      id: 'own',
      url: 'https://www.google.kz/',
    } as never);
    expect(judged).toEqual([]);
  });

  it('tells a tab that asks too often to wait, without judging', async () => {
    let time = 0;
    const { handler, judged } = deps(() => time);
    await handler({ links: ['https://coinbase.com/'] }, fromGoogle);
    await handler({ links: ['https://coinbase.com/'] }, fromGoogle);
    const refused = await handler({ links: ['https://bybit.kz/'] }, fromGoogle);
    expect(refused.retryAfterMs).toBe(1_000);
    expect(refused.marked).toEqual([]);
    expect(judged).toHaveLength(2);
    time = 1_000;
    expect((await handler({ links: ['https://bybit.kz/'] }, fromGoogle)).retryAfterMs).toBeUndefined();
  });
});
