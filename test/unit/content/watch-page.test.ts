// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { BANNER_ATTRIBUTE, createBannerHost } from '../../../components/banner/banner-host';
import { pageGuard, pageParts, type BannerRequest } from '../../../components/page-parts';
import { RECHECK_MESSAGE, type PageContext } from '../../../lib/messaging/protocol';
import type { Verdict } from '../../../lib/verdict/types';
import { watchPage, type PageRuntime } from '../../../entrypoints/page-watch/watch-page';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function context(verdict: Verdict, dismissed = false): PageContext {
  return {
    result: { verdict, host: 'bybit.com', reason: { kind: 'none' } },
    source: null,
    registryIssuedAt: '2026-11-01T00:00:00Z',
    allowBypass: true,
    blockMode: 'warn',
    dismissed,
    reportUrl: null,
    language: 'en',
  };
}

/** The runtime as the page script sees it: answers from a queue of contexts, listeners kept. */
function runtime(answers: PageContext[]) {
  let id: string | undefined = 'own-id';
  const listeners: ((message: unknown, sender: { id?: string }) => void)[] = [];
  const sent: { type: string; data: unknown }[] = [];
  const api: PageRuntime = {
    id: () => id,
    sendMessage: async (message) => {
      const request = message as { type: string; data: unknown };
      sent.push(request);
      if (request.type === 'page/context') return answers.shift() ?? answers.at(-1);
      return { ok: true };
    },
    onMessage: {
      addListener: (listener) => void listeners.push(listener),
      removeListener: (listener) => void listeners.splice(listeners.indexOf(listener), 1),
    },
  };
  return {
    api,
    sent,
    deliver: (message: unknown, sender: { id?: string }) =>
      listeners.forEach((listener) => listener(message, sender)),
    orphan: () => (id = undefined),
    listenerCount: () => listeners.length,
  };
}

/** A banner part that shows a bare host element through the shared guard. */
function bannerPart() {
  const shown: BannerRequest[] = [];
  pageParts().banner = {
    async show(request) {
      shown.push(request);
      request.guard.show(createBannerHost(document, '').host, request.context.result.verdict);
    },
  };
  return shown;
}

describe('the page script', () => {
  beforeEach(() => {
    const world = globalThis as Record<string, unknown>;
    pageParts().guard?.stop();
    delete world.__qorganPageParts;
    document.documentElement.innerHTML = '<head></head><body><p>page</p></body>';
  });

  it('asks for the verdict and shows the banner through the one guard of the page', async () => {
    const shown = bannerPart();
    const page = runtime([context('warning')]);
    watchPage(page.api);
    await flush();
    expect(page.sent[0]).toEqual({ type: 'page/context', data: { url: location.href } });
    expect(shown).toHaveLength(1);
    expect(shown[0]?.guard).toBe(pageGuard());
    expect(document.querySelectorAll(`[${BANNER_ATTRIBUTE}]`)[0]?.getAttribute('data-verdict')).toBe(
      'warning',
    );
  });

  it('asks the background for the banner part when it is not in the page yet', async () => {
    const page = runtime([context('blocked')]);
    watchPage(page.api);
    await flush();
    expect(page.sent.map((message) => message.type)).toEqual(['page/context', 'page/load-part']);
    expect(page.sent[1]?.data).toEqual({ part: 'banner' });
  });

  it('checks again when its own background says so, and hides the banner for a verdict that needs none', async () => {
    bannerPart();
    const page = runtime([context('warning'), context('licensed')]);
    watchPage(page.api);
    await flush();
    page.deliver(RECHECK_MESSAGE, { id: 'another-extension' });
    page.deliver({ type: 'something-else' }, { id: 'own-id' });
    await flush();
    expect(document.querySelectorAll(`[${BANNER_ATTRIBUTE}]`)).toHaveLength(1);
    page.deliver(RECHECK_MESSAGE, { id: 'own-id' });
    await flush();
    expect(page.sent.filter((message) => message.type === 'page/context')).toHaveLength(2);
    expect(document.querySelectorAll(`[${BANNER_ATTRIBUTE}]`)).toHaveLength(0);
  });

  it('shows nothing for a dismissed site', async () => {
    const shown = bannerPart();
    watchPage(runtime([context('warning', true)]).api);
    await flush();
    expect(shown).toHaveLength(0);
  });

  it('stops, listener and guard, once the extension that injected it is gone', async () => {
    bannerPart();
    const page = runtime([context('warning')]);
    watchPage(page.api);
    await flush();
    page.orphan();
    page.deliver(RECHECK_MESSAGE, { id: undefined });
    window.dispatchEvent(new PopStateEvent('popstate'));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(page.listenerCount()).toBe(0);
    expect(page.sent.filter((message) => message.type === 'page/context')).toHaveLength(1);
  });
});

describe('the parts of the page', () => {
  it('share one started guard per isolated world', () => {
    const scope = {};
    const guard = pageGuard(document, scope);
    expect(pageGuard(document, scope)).toBe(guard);
    expect(pageParts(scope).guard).toBe(guard);
    const forged = document.createElement('div');
    forged.setAttribute(BANNER_ATTRIBUTE, '');
    document.body.append(forged);
    guard.sweep();
    expect(forged.isConnected).toBe(false);
    guard.stop();
  });
});
