// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { guardBlockedClicks } from '../../../components/links/guard-blocked-clicks';
import { startLinkMarker, type LinkMarker } from '../../../components/links/link-marker';
import type { LinkMarkVerdict, LinkVerdicts } from '../../../lib/messaging/protocol';

const LISTED: Record<string, LinkMarkVerdict> = {
  'bybit.kz': 'licensed',
  'coinbase.com': 'blocked',
  'okx.com': 'warning',
  'bybiit.kz': 'lookalike',
};

/** The words the stand-in background puts on a mark's label (the user's language). */
let words = 'label';

const wrapped = (target: string) => `https://www.google.kz/url?q=${encodeURIComponent(target)}`;

function background() {
  const batches: string[][] = [];
  let retryOnce = false;
  // Stands in for the background: unwraps Google's wrapper, skips the page's own links.
  const send = async (links: string[]): Promise<LinkVerdicts> => {
    batches.push(links);
    const base = { allowBypass: true, ask: { title: 'title', goBack: 'Go back', proceed: 'Proceed' } };
    if (retryOnce) {
      retryOnce = false;
      return { ...base, marked: [], retryAfterMs: 50 };
    }
    const marked = links.flatMap((link) => {
      const url = new URL(link);
      const target = url.hostname === 'www.google.kz' ? url.searchParams.get('q') : link;
      const verdict = target && URL.canParse(target) ? LISTED[new URL(target).hostname] : undefined;
      return verdict
        ? [{ link, verdict, sentence: `sentence ${verdict}`, label: `${words} ${verdict}` }]
        : [];
    });
    return { ...base, marked };
  };
  return { batches, send, refuseNext: () => (retryOnce = true) };
}

function marksAfterLinks(): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const anchor of Array.from(document.querySelectorAll('a[id]'))) {
    const next = anchor.nextElementSibling;
    out[anchor.id] = next?.localName === 'qorgan-mark' ? next.getAttribute('data-verdict') : null;
  }
  return out;
}

describe('startLinkMarker', () => {
  let marker: LinkMarker | undefined;

  beforeEach(() => {
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(
      'https://www.google.kz/search?q=usdt',
    );
    document.body.innerHTML = `
      <a id="licensed" href="${wrapped('https://bybit.kz/')}">a</a>
      <a id="blocked" href="${wrapped('https://coinbase.com/buy')}">b</a>
      <a id="warned" href="${wrapped('https://okx.com/')}">c</a>
      <a id="lookalike" href="${wrapped('http://bybiit.kz/')}">d</a>
      <a id="ordinary" href="${wrapped('https://plain.example.org/')}">e</a>
      <a id="again" href="https://coinbase.com/other">f</a>
      <a id="script" href="javascript:void(0)">g</a>
      <a id="own" href="/search?q=next">h</a>`;
  });

  afterEach(() => marker?.stop());

  const start = (send: (targets: string[]) => Promise<LinkVerdicts>) =>
    (marker = startLinkMarker({
      doc: document,
      win: window as unknown as Window,
      send,
      now: () => performance.now(),
    }));

  it('asks about every link again on refresh: a changed verdict or wording replaces its mark, a cleared one goes', async () => {
    const bg = background();
    start(bg.send);
    await vi.waitFor(() => expect(document.getElementsByTagName('qorgan-mark')).toHaveLength(5));
    const before = bg.batches.length;
    // The registry changed: okx.com is now blocked, bybiit.kz is no longer listed; the words changed.
    LISTED['okx.com'] = 'blocked';
    delete LISTED['bybiit.kz'];
    try {
      marker?.refresh();
      await vi.waitFor(() => expect(marksAfterLinks().warned).toBe('blocked'));
      expect(marksAfterLinks()).toMatchObject({ licensed: 'licensed', blocked: 'blocked', lookalike: null });
      expect(document.getElementsByTagName('qorgan-mark')).toHaveLength(4);
      expect(bg.batches.length).toBe(before + 1);
      // Each link still has exactly one mark, with the new words.
      const blocked = document.getElementById('warned')?.nextElementSibling;
      expect(blocked?.getAttribute('aria-label')).toBe('label blocked');
      expect(blocked?.nextElementSibling?.localName).not.toBe('qorgan-mark');
      // Only the words changed (another language): every mark takes them, and stays one.
      words = 'белгі';
      marker?.refresh();
      await vi.waitFor(() =>
        expect(document.getElementById('licensed')?.nextElementSibling?.getAttribute('aria-label')).toBe(
          'белгі licensed',
        ),
      );
      expect(
        Array.from(document.getElementsByTagName('qorgan-mark'), (mark) => mark.getAttribute('aria-label')),
      ).toEqual(['белгі licensed', 'белгі blocked', 'белгі blocked', 'белгі blocked']);
    } finally {
      LISTED['okx.com'] = 'warning';
      LISTED['bybiit.kz'] = 'lookalike';
      words = 'label';
    }
  });

  it('marks each listed target once, right after its link, from one message', async () => {
    const bg = background();
    start(bg.send);
    await vi.waitFor(() => expect(document.getElementsByTagName('qorgan-mark')).toHaveLength(5));
    expect(marksAfterLinks()).toEqual({
      licensed: 'licensed',
      blocked: 'blocked',
      warned: 'warning',
      lookalike: 'lookalike',
      ordinary: null,
      again: 'blocked',
      script: null,
      own: null,
    });
    expect(bg.batches).toHaveLength(1);
    // Addresses as the page has them (a relative one resolved); never a `javascript:` one.
    expect(bg.batches[0]).toContain(wrapped('https://coinbase.com/buy'));
    expect(bg.batches[0]).toContain('https://www.google.kz/search?q=next');
    expect(bg.batches[0]?.some((link) => link.startsWith('javascript:'))).toBe(false);
    expect(document.getElementById('warned')?.nextElementSibling?.getAttribute('aria-label')).toBe(
      'label warning',
    );
  });

  it('marks links added later, a burst of them in one message, and follows a rewritten link', async () => {
    const bg = background();
    start(bg.send);
    await vi.waitFor(() => expect(document.getElementsByTagName('qorgan-mark')).toHaveLength(5));
    const more = document.createElement('div');
    for (let i = 0; i < 50; i++) {
      const a = document.createElement('a');
      a.id = `more${i}`;
      a.href = i === 49 ? 'https://okx.com/late' : `https://site-${i}.example.org/`;
      more.append(a);
    }
    document.body.append(more);
    await vi.waitFor(() => expect(marksAfterLinks().more49).toBe('warning'));
    expect(bg.batches).toHaveLength(2);
    expect(bg.batches[1]).toHaveLength(50);

    // A rewrite to an address already judged needs no message; one to an unlisted target takes the mark away.
    (document.getElementById('ordinary') as HTMLAnchorElement).href = 'https://coinbase.com/other';
    (document.getElementById('blocked') as HTMLAnchorElement).href = 'https://site-3.example.org/';
    await vi.waitFor(() => expect(marksAfterLinks().ordinary).toBe('blocked'));
    await vi.waitFor(() => expect(marksAfterLinks().blocked).toBeNull());
    expect(bg.batches).toHaveLength(2);
    expect(document.getElementsByTagName('qorgan-mark')).toHaveLength(6);
  });

  /** A marker started as the background starts it: its first links wait for the background's answer. */
  const markerAwaitingSeed = (send: Parameters<typeof startLinkMarker>[0]['send']) =>
    startLinkMarker({
      doc: document,
      win: window as unknown as Window,
      send,
      now: () => performance.now(),
      awaitSeed: true,
    });

  it('hands its first links over, marks them from the answer without a message, and asks for the rest', async () => {
    const bg = background();
    marker = markerAwaitingSeed(bg.send);
    const first = marker.firstLinks();
    expect(first).toHaveLength(7);
    expect(first).toContain(wrapped('https://coinbase.com/buy'));
    expect(first.some((link) => link.startsWith('javascript:'))).toBe(false);
    expect(marker.firstLinks()).toEqual([]);
    // Links shown before the answer wait for it: nothing is sent meanwhile.
    const late = document.createElement('a');
    late.id = 'late';
    late.href = 'https://okx.com/late';
    document.body.append(late);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(bg.batches).toHaveLength(0);
    expect(document.getElementsByTagName('qorgan-mark')).toHaveLength(0);

    const judged = first.filter((link) => !link.includes('okx'));
    marker.seed({ links: judged, answer: await bg.send(judged) });
    bg.batches.length = 0;
    expect(marksAfterLinks().blocked).toBe('blocked');
    expect(marksAfterLinks().licensed).toBe('licensed');
    await vi.waitFor(() => expect(marksAfterLinks().late).toBe('warning'));
    expect(marksAfterLinks().warned).toBe('warning');
    expect(bg.batches).toHaveLength(1);
    expect(bg.batches[0]).toEqual(
      expect.arrayContaining(['https://okx.com/late', wrapped('https://okx.com/')]),
    );
    expect(bg.batches[0]).toHaveLength(2);
  });

  it('asks about its first links itself when the background could not judge them', async () => {
    const bg = background();
    marker = markerAwaitingSeed(bg.send);
    const first = marker.firstLinks();
    marker.seed(null);
    await vi.waitFor(() => expect(document.getElementsByTagName('qorgan-mark')).toHaveLength(5));
    expect(bg.batches).toHaveLength(1);
    expect([...(bg.batches[0] ?? [])].sort()).toEqual([...first].sort());
  });

  it('puts back a mark the page removed', async () => {
    start(background().send);
    await vi.waitFor(() => expect(marksAfterLinks().warned).toBe('warning'));
    document.getElementById('warned')?.nextElementSibling?.remove();
    await vi.waitFor(() => expect(marksAfterLinks().warned).toBe('warning'));
  });

  it('asks again after the background said to wait', async () => {
    const bg = background();
    bg.refuseNext();
    start(bg.send);
    await vi.waitFor(() => expect(document.getElementsByTagName('qorgan-mark')).toHaveLength(5));
    expect(bg.batches).toHaveLength(2);
    expect(bg.batches[1]).toEqual(bg.batches[0]);
  });

  it('asks before a blocked link is followed, and only then', async () => {
    const started = start(background().send);
    const opened: string[] = [];
    const stop = guardBlockedClicks({
      doc: document,
      marker: started,
      open: (href) => opened.push(href),
    });
    await vi.waitFor(() => expect(document.getElementsByTagName('qorgan-mark')).toHaveLength(5));
    const click = (id: string) => {
      const event = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
      document.getElementById(id)?.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(click('warned')).toBe(false);
    expect(document.querySelectorAll('div[data-qorgan-ask]')).toHaveLength(0);
    expect(click('blocked')).toBe(true);
    const asks = document.querySelectorAll('div[data-qorgan-ask]');
    expect(asks).toHaveLength(1);
    expect(asks[0]?.getAttribute('data-verdict')).toBe('blocked');
    expect(opened).toEqual([]);
    stop();
  });
});
