import { describe, expect, it } from 'vitest';
import { createLinkVerdicts } from '../../../background/link-verdicts';
import type { SettingsSource } from '../../../background/settings-source';
import type { RegistryService } from '../../../lib/engine/registry-service';
import { createRateLimiter } from '../../../lib/links/rate-limit';
import { MAX_LINK_BATCH } from '../../../lib/messaging/protocol';
import { DEFAULT_SETTINGS } from '../../../lib/policy/default-settings';
import type { VerdictResult } from '../../../lib/verdict/types';

function deps(now: () => number = () => 0) {
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
    get: async () => ({ effective: DEFAULT_SETTINGS, user: { language: 'kk' }, problems: [] }),
  } as unknown as SettingsSource;
  const limiter = createRateLimiter({ capacity: 2, refillMs: 1_000, now });
  return { judged, handler: createLinkVerdicts({ service, settings, limiter }) };
}

const fromGoogle = { id: 'own', url: 'https://www.google.kz/search?q=usdt', tab: { id: 3 } } as never;

describe('links/verdicts in the background', () => {
  it('answers with the marked targets only, and the settings the marks need', async () => {
    const { handler } = deps();
    const answer = await handler(
      { targets: ['https://coinbase.com/', 'https://plain.example.org/', 'https://bybit.kz/'] },
      fromGoogle,
    );
    expect(answer.marked.map((item) => [item.target, item.result.verdict])).toEqual([
      ['https://coinbase.com/', 'blocked'],
      ['https://bybit.kz/', 'licensed'],
    ]);
    expect(answer).toMatchObject({ language: 'kk', allowBypass: DEFAULT_SETTINGS.allowBypass });
    expect(answer.retryAfterMs).toBeUndefined();
  });

  it('judges at most MAX_LINK_BATCH targets of a message, and skips what is no string', async () => {
    const { handler, judged } = deps();
    const targets = Array.from({ length: MAX_LINK_BATCH + 50 }, (_, i) => `https://s${i}.example.org/`);
    await handler({ targets: [42 as unknown as string, ...targets] }, fromGoogle);
    expect(judged).toHaveLength(MAX_LINK_BATCH - 1);
  });

  it('judges nothing for a page outside the table or without a tab', async () => {
    const { handler, judged } = deps();
    await handler({ targets: ['https://coinbase.com/'] }, {
      id: 'own',
      url: 'https://news.example.kz/',
      tab: { id: 3 },
    } as never);
    await handler({ targets: ['https://coinbase.com/'] }, {
      id: 'own',
      url: 'https://www.google.kz/',
    } as never);
    expect(judged).toEqual([]);
  });

  it('tells a tab that asks too often to wait, without judging', async () => {
    let time = 0;
    const { handler, judged } = deps(() => time);
    await handler({ targets: ['https://coinbase.com/'] }, fromGoogle);
    await handler({ targets: ['https://coinbase.com/'] }, fromGoogle);
    const refused = await handler({ targets: ['https://bybit.kz/'] }, fromGoogle);
    expect(refused.retryAfterMs).toBe(1_000);
    expect(refused.marked).toEqual([]);
    expect(judged).toHaveLength(2);
    time = 1_000;
    expect((await handler({ targets: ['https://bybit.kz/'] }, fromGoogle)).retryAfterMs).toBeUndefined();
  });
});
