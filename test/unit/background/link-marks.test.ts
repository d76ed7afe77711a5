import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { linkMarksWorld, listenForMarkedSites, refreshLinkMarks } from '../../../background/link-marks';
import { LINK_RATE } from '../../../background/link-verdicts';
import type { SettingsSource } from '../../../background/settings-source';
import type { RegistryService } from '../../../lib/engine/registry-service';
import { MAX_LINK_LENGTH } from '../../../lib/links/link-target';
import { MARKED_SITES } from '../../../lib/links/marked-sites';
import {
  LINK_MARKS_ANSWER,
  LINK_MARKS_ASKED,
  LINK_MARKS_FILE,
  LINK_MARKS_REFRESH,
  LINK_MARKS_SEED,
  MAX_LINK_BATCH,
  type LinkVerdicts,
} from '../../../lib/messaging/protocol';
import { DEFAULT_SETTINGS } from '../../../lib/policy/default-settings';
import type { VerdictResult } from '../../../lib/verdict/types';

interface Injection {
  target: unknown;
  world?: string;
  files?: string[];
  args?: unknown[];
}

const service = {
  verdict: async (url: string): Promise<VerdictResult> => {
    const host = new URL(url).hostname;
    return { verdict: host === 'coinbase.com' ? 'blocked' : 'unknown', host, reason: { kind: 'none' } };
  },
} as unknown as RegistryService;
const settings = {
  get: async () => ({ effective: DEFAULT_SETTINGS, user: {}, problems: [] }),
} as unknown as SettingsSource;

/** The page as the background's injections see it: `asked` is what its page-world marks wait to hear about. */
function page(asked: unknown, firstLinks: unknown = []) {
  const injections: Injection[] = [];
  const executeScript = vi.fn(async (injection: Injection) => {
    injections.push(injection);
    if (injection.files?.includes(LINK_MARKS_FILE)) return [{ frameId: 0, result: firstLinks }];
    if (injection.args?.[0] === LINK_MARKS_ASKED) return [{ frameId: 0, result: asked }];
    return [{ frameId: 0, result: undefined }];
  });
  Object.assign(fakeBrowser, { scripting: { executeScript } });
  const answers = () =>
    injections.filter((i) => i.args?.[0] === LINK_MARKS_ANSWER).map((i) => i.args?.[1] as LinkVerdicts);
  return { injections, answers };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const listener = () => listenForMarkedSites({ service, settings, browserLanguage: () => 'en' });
const history = (url: string, tabId = 5) => ({ tabId, frameId: 0, url, documentId: `doc-${tabId}` });

describe('the link marks in the background', () => {
  beforeEach(() => fakeBrowser.reset());

  it("run in the page's own world on every search engine and in the isolated world on every messenger", () => {
    for (const site of MARKED_SITES)
      expect(linkMarksWorld(site), site.name).toBe(site.kind === 'search' ? 'MAIN' : 'ISOLATED');
  });

  it('are injected into the world of the loaded page, and told which it is with their seed', async () => {
    listener();
    for (const [url, world] of [
      ['https://www.google.kz/search?q=usdt', 'MAIN'],
      ['https://web.telegram.org/k/', 'ISOLATED'],
    ] as const) {
      const seen = page([], ['https://coinbase.com/']);
      await fakeBrowser.webNavigation.onCompleted.trigger({
        tabId: 7,
        frameId: 0,
        url,
        timeStamp: 0,
      } as never);
      await settle();
      expect(seen.injections.map((i) => i.world)).toEqual([world, world]);
      const seed = seen.injections[1]?.args;
      expect(seed?.[0]).toBe(LINK_MARKS_SEED);
      expect((seed?.[1] as { answer: LinkVerdicts }).answer.marked.map((m) => m.link)).toEqual([
        'https://coinbase.com/',
      ]);
      expect(seed?.[2]).toBe(world === 'MAIN');
    }
  });

  it("answer the links a search page's marks wait to hear about when its history entry is replaced", async () => {
    const seen = page(['https://coinbase.com/later', 'https://plain.example.org/', 42]);
    listener().historyUpdated(history('https://www.google.com/search?q=usdt'));
    await settle();
    expect(seen.injections.map((i) => [i.world, i.args?.[0]])).toEqual([
      ['MAIN', LINK_MARKS_ASKED],
      ['MAIN', LINK_MARKS_ANSWER],
    ]);
    expect(seen.injections[0]?.target).toEqual({ tabId: 5, documentIds: ['doc-5'] });
    expect(seen.injections[0]?.args?.slice(1)).toEqual([MAX_LINK_BATCH, MAX_LINK_LENGTH]);
    expect(seen.answers()[0]?.marked.map((m) => [m.link, m.verdict])).toEqual([
      ['https://coinbase.com/later', 'blocked'],
    ]);
  });

  it('ask nothing of a messenger or another site, answer nothing when no links wait, and keep the rate', async () => {
    const seen = page([]);
    const marks = listener();
    marks.historyUpdated(history('https://web.telegram.org/k/'));
    marks.historyUpdated(history('https://plain.example.org/'));
    marks.historyUpdated({ ...history('https://www.google.com/'), frameId: 3 });
    await settle();
    expect(seen.injections).toEqual([]);
    marks.historyUpdated(history('https://www.google.com/search?q=usdt'));
    await settle();
    expect(seen.injections.map((i) => i.args?.[0])).toEqual([LINK_MARKS_ASKED]);

    const busy = page(['https://coinbase.com/']);
    for (let i = 0; i < LINK_RATE.capacity + 2; i++)
      marks.historyUpdated(history('https://www.google.com/', 9));
    await settle();
    const answers = busy.answers();
    expect(answers).toHaveLength(LINK_RATE.capacity + 2);
    expect(answers.filter((a) => a.retryAfterMs === undefined)).toHaveLength(LINK_RATE.capacity);
    expect(answers.filter((a) => a.retryAfterMs !== undefined).every((a) => a.marked.length === 0)).toBe(
      true,
    );
  });
});

describe('the link marks of pages open before the worker listened', () => {
  beforeEach(() => fakeBrowser.reset());

  it("are put into each loaded page of the table's sites, in its site's world, and into no other", async () => {
    const seen = page([], ['https://coinbase.com/']);
    const query = vi.fn(async () => [
      { id: 1, url: 'https://www.google.kz/search?q=usdt', status: 'complete' },
      { id: 2, url: 'https://web.whatsapp.com/', status: 'complete' },
      { id: 3, url: 'https://plain.example.org/', status: 'complete' },
      { id: 4, url: 'chrome://newtab/', status: 'complete' },
      { url: 'https://www.google.com/search?q=no-id', status: 'complete' },
    ]);
    Object.assign(fakeBrowser.tabs, { query });
    await listener().markOpenTabs();
    expect(query).toHaveBeenCalledWith({ status: 'complete' });
    const files = seen.injections.filter((i) => i.files?.includes(LINK_MARKS_FILE));
    expect(files.map((i) => [i.target, i.world])).toEqual([
      [{ tabId: 1, frameIds: [0] }, 'MAIN'],
      [{ tabId: 2, frameIds: [0] }, 'ISOLATED'],
    ]);
    // Each gets its seed: the first links judged, the blocked one marked.
    const seeds = seen.injections.filter((i) => i.args?.[0] === LINK_MARKS_SEED);
    expect(seeds).toHaveLength(2);
  });

  it('go on to the other pages when one cannot be scripted', async () => {
    const seen = page([], []);
    const executeScript = vi.fn(async (injection: Injection) => {
      if ((injection.target as { tabId: number }).tabId === 1) throw new Error('no access');
      seen.injections.push(injection);
      return [{ frameId: 0, result: [] }];
    });
    Object.assign(fakeBrowser, { scripting: { executeScript } });
    Object.assign(fakeBrowser.tabs, {
      query: async () => [
        { id: 1, url: 'https://yandex.kz/search/?text=usdt', status: 'complete' },
        { id: 2, url: 'https://vk.com/im', status: 'complete' },
      ],
    });
    await listener().markOpenTabs();
    expect(seen.injections.map((i) => (i.target as { tabId: number }).tabId)).toEqual([2, 2]);
  });
});

describe("the question's reading in the page's world", () => {
  beforeEach(() => fakeBrowser.reset());

  it('takes at most a batch of strings of bounded length from whatever the page answers', async () => {
    const seen = page([]);
    listener().historyUpdated(history('https://www.google.com/search?q=usdt'));
    await settle();
    const pull = seen.injections[0] as Injection & {
      func: (key: string, most: number, longest: number) => unknown;
    };
    const scope = globalThis as Record<string, unknown>;
    const run = (answer: unknown) => {
      scope[LINK_MARKS_ASKED] = () => answer;
      try {
        return pull.func(LINK_MARKS_ASKED, MAX_LINK_BATCH, MAX_LINK_LENGTH);
      } finally {
        delete scope[LINK_MARKS_ASKED];
      }
    };
    const many = Array.from({ length: 10_000 }, (_, i) => (i % 3 === 0 ? i : `https://s${i}.example.org/`));
    const taken = run([`https://x.example.org/${'a'.repeat(MAX_LINK_LENGTH)}`, ...many]) as string[];
    expect(taken).toHaveLength(MAX_LINK_BATCH);
    expect(taken.every((link) => typeof link === 'string' && link.length <= MAX_LINK_LENGTH)).toBe(true);
    expect(run('everything')).toBeNull();
    delete scope[LINK_MARKS_ASKED];
    expect(pull.func(LINK_MARKS_ASKED, MAX_LINK_BATCH, MAX_LINK_LENGTH)).toBeNull();
  });
});

describe('a change of registry or settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it("has the link marks of a loaded page ask again, in its site's world, and touches no other page", async () => {
    const seen = page([]);
    await refreshLinkMarks(4, 'https://yandex.kz/search/?text=usdt');
    await refreshLinkMarks(6, 'https://web.telegram.org/k/');
    await refreshLinkMarks(8, 'https://plain.example.org/');
    expect(seen.injections.map((i) => [i.target, i.world, i.args])).toEqual([
      [{ tabId: 4, frameIds: [0] }, 'MAIN', [LINK_MARKS_REFRESH]],
      [{ tabId: 6, frameIds: [0] }, 'ISOLATED', [LINK_MARKS_REFRESH]],
    ]);
  });
});
