import { describe, expect, it, vi } from 'vitest';
import type { ContentHandlers } from '../../../background/content-handlers';
import type { BackgroundHandlers } from '../../../background/handlers';
import { createMessageListener } from '../../../background/message-listener';
import { CONTENT_REQUESTS, type Message, type RequestType } from '../../../lib/messaging/protocol';

const OWN = 'own-id';
const BASE = 'chrome-extension://own-id/';
const POPUP = { id: OWN, url: `${BASE}popup.html` };
const OPTIONS_TAB = {
  id: OWN,
  url: `${BASE}options.html`,
  tab: { id: 4, url: `${BASE}options.html` } as never,
};
const CONTENT = {
  id: OWN,
  url: 'https://warned.example/page?session=1',
  frameId: 0,
  tab: { id: 9, url: 'https://warned.example/page?session=1' } as never,
};

/** Every handler answers `{ handled: <its set> }`, so a test sees which set answered. */
function sets() {
  const handler = (set: string) => vi.fn(async () => ({ handled: set }));
  const pages = new Proxy({} as Record<string, unknown>, {
    get: (target, key: string) => (target[key] ??= handler('pages')),
  }) as unknown as BackgroundHandlers;
  const content = Object.fromEntries(
    CONTENT_REQUESTS.map((type) => [type, handler('content')]),
  ) as unknown as ContentHandlers;
  return { pages, content };
}

/** One well-formed request of each type. */
const REQUESTS: { [K in RequestType]: Extract<Message, { type: K }> } = {
  'page/context': { type: 'page/context', data: { url: 'https://other.example/' } },
  lookup: { type: 'lookup', data: { query: 'bybit.kz' } },
  'tab/current': { type: 'tab/current', data: {} },
  'registry/status': { type: 'registry/status', data: {} },
  'registry/sync-now': { type: 'registry/sync-now', data: {} },
  'dismiss/add': { type: 'dismiss/add', data: { host: 'coinbase.com' } },
  'dismiss/remove': { type: 'dismiss/remove', data: { host: 'coinbase.com' } },
  'dismiss/list': { type: 'dismiss/list', data: {} },
  'settings/get': { type: 'settings/get', data: {} },
  'settings/set': { type: 'settings/set', data: { detectUnregistered: false } },
  'page/redirect-blocked': { type: 'page/redirect-blocked', data: { url: 'https://other.example/' } },
  'page/open-details': { type: 'page/open-details', data: { url: 'https://other.example/' } },
  'page/load-part': { type: 'page/load-part', data: { part: 'banner' } },
  'tab/leave-site': { type: 'tab/leave-site', data: {} },
  'links/verdicts': { type: 'links/verdicts', data: { links: ['https://other.example/'] } },
  'page/tampered': { type: 'page/tampered', data: {} },
  'dismiss/session': { type: 'dismiss/session', data: { host: 'coinbase.com' } },
};
const FORBIDDEN_TO_CONTENT = Object.values(REQUESTS).filter(
  (request) => !(CONTENT_REQUESTS as readonly string[]).includes(request.type),
);

describe('the background message listener', () => {
  it('answers every request from the extension pages, popup and tabs alike', async () => {
    const listen = createMessageListener(sets(), OWN, BASE);
    for (const request of Object.values(REQUESTS)) {
      await expect(listen(request, POPUP)).resolves.toEqual({ handled: 'pages' });
      await expect(listen(request, OPTIONS_TAB)).resolves.toEqual({ handled: 'pages' });
    }
  });

  it('refuses content code every request outside its own set, and calls no handler for it', async () => {
    const all = sets();
    const listen = createMessageListener(all, OWN, BASE);
    expect(FORBIDDEN_TO_CONTENT.map((request) => request.type)).toEqual(
      expect.arrayContaining([
        'settings/set',
        'settings/get',
        'dismiss/list',
        'dismiss/remove',
        'lookup',
        'registry/sync-now',
        'registry/status',
      ]),
    );
    for (const request of FORBIDDEN_TO_CONTENT) {
      await expect(listen(request, CONTENT)).rejects.toThrow(/only the extension's own pages/);
    }
    for (const request of FORBIDDEN_TO_CONTENT) expect(all.pages[request.type]).not.toHaveBeenCalled();
  });

  it('never answers tab/current to content code', async () => {
    const all = sets();
    const listen = createMessageListener(all, OWN, BASE);
    await expect(listen({ type: 'tab/current', data: {} }, CONTENT)).rejects.toThrow();
    expect(all.pages['tab/current']).not.toHaveBeenCalled();
  });

  it('sends content requests to the content set, with the frame the browser reports', async () => {
    const all = sets();
    const listen = createMessageListener(all, OWN, BASE);
    await expect(listen(REQUESTS['page/context'], CONTENT)).resolves.toEqual({ handled: 'content' });
    expect(all.content['page/context']).toHaveBeenCalledWith(
      { url: 'https://other.example/' },
      { tabId: 9, frameId: 0, url: CONTENT.url, tabUrl: CONTENT.url },
    );
  });

  it('treats an extension page framed in a web page as no page of ours', () => {
    const listen = createMessageListener(sets(), OWN, BASE);
    const framed = {
      id: OWN,
      url: `${BASE}popup.html`,
      tab: { id: 9, url: 'https://evil.example/' } as never,
    };
    expect(listen(REQUESTS['settings/get'], framed)).toBeUndefined();
    const lookalikeOrigin = { id: OWN, url: 'chrome-extension://own-id.evil.example/popup.html' };
    expect(listen(REQUESTS['settings/get'], lookalikeOrigin)).toBeUndefined();
  });

  it('ignores other extensions, senders without an address and malformed messages without answering', () => {
    const all = sets();
    const listen = createMessageListener(all, OWN, BASE);
    expect(listen(REQUESTS.lookup, { id: 'another-extension', url: `${BASE}popup.html` })).toBeUndefined();
    expect(listen(REQUESTS.lookup, { id: OWN })).toBeUndefined();
    expect(listen({ type: 'dismiss/add', data: 'bybit.com' }, POPUP)).toBeUndefined();
    expect(listen({ type: 'settings/set', data: { junk: 'x'.repeat(3_000_000) } }, POPUP)).toBeUndefined();
    expect(listen({ type: '__proto__', data: {} }, POPUP)).toBeUndefined();
    expect(listen(null, POPUP)).toBeUndefined();
    expect(all.pages.lookup).not.toHaveBeenCalled();
  });
});
