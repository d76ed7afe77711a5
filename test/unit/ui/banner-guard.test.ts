// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BannerGuard, type BannerGuardOptions } from '../../../components/banner/banner-guard';
import { BANNER_ATTRIBUTE, createBannerHost } from '../../../components/banner/banner-host';
import type { SeenCheck } from '../../../components/banner/banner-seen';
import { HOST_STYLE } from '../../../components/banner/banner-styles';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

const ownHost = (): HTMLElement => createBannerHost(document, '').host;

/** A page's forged host: the same markup, no shadow root of ours. */
const FORGED = `<div ${BANNER_ATTRIBUTE} data-verdict="licensed"></div>`;

function forged(): HTMLElement {
  const element = document.createElement('div');
  element.setAttribute(BANNER_ATTRIBUTE, '');
  element.setAttribute('data-verdict', 'licensed');
  return element;
}

const banners = () => Array.from(document.querySelectorAll(`[${BANNER_ATTRIBUTE}]`));

/** The test DOM has no layout: the banner counts as seen unless a test says otherwise. */
const alwaysSeen: SeenCheck = { problems: () => [], repair: () => undefined };

const newGuard = (options: Partial<BannerGuardOptions> = {}) =>
  new BannerGuard({ doc: document, hostStyle: HOST_STYLE, seen: alwaysSeen, ...options });

describe('BannerGuard', () => {
  let guard: BannerGuard;
  let host: HTMLElement;

  beforeEach(() => {
    document.body.innerHTML = '<p>page</p>';
    guard = newGuard();
    guard.start();
    host = ownHost();
  });

  afterEach(() => {
    guard.stop();
    for (const element of banners()) element.remove();
  });

  it('places our element last in <html>, with its verdict and !important inline styles', () => {
    guard.show(host, 'blocked');
    expect(banners()).toEqual([host]);
    expect(document.documentElement.lastElementChild).toBe(host);
    expect(host.getAttribute('data-verdict')).toBe('blocked');
    expect(host.getAttribute('style')).toContain('z-index: 2147483647 !important');
  });

  it('puts the element back when the page removes it', async () => {
    guard.show(host, 'warning');
    host.remove();
    await flush();
    expect(banners()).toEqual([host]);
  });

  it('moves it back when the page buries it in a hidden container or appends after it', async () => {
    guard.show(host, 'warning');
    const hidden = document.createElement('div');
    hidden.style.display = 'none';
    document.body.append(hidden);
    hidden.append(host);
    await flush();
    expect(host.parentNode).toBe(document.documentElement);
    const overlay = document.createElement('div');
    document.documentElement.append(overlay);
    await flush();
    expect(document.documentElement.lastElementChild).toBe(host);
  });

  it('restores data-verdict, style and strips attributes the page adds', async () => {
    guard.show(host, 'blocked');
    host.setAttribute('data-verdict', 'licensed');
    host.style.setProperty('display', 'none', 'important');
    host.setAttribute('hidden', '');
    host.setAttribute('inert', '');
    await flush();
    await flush();
    expect(host.getAttribute('data-verdict')).toBe('blocked');
    expect(host.getAttribute('style')).toBe(HOST_STYLE);
    expect(host.hasAttribute('hidden')).toBe(false);
    expect(host.hasAttribute('inert')).toBe(false);
  });

  it('removes forged banners, while showing ours and while showing none', async () => {
    document.body.append(forged());
    await flush();
    expect(banners()).toEqual([]);

    guard.show(host, 'blocked');
    const wrapper = document.createElement('div');
    wrapper.innerHTML = `<section>${FORGED}</section>`;
    document.body.append(wrapper);
    await flush();
    expect(banners()).toEqual([host]);
    expect(host.getAttribute('data-verdict')).toBe('blocked');
  });

  it('removes forged banners that were in the document before it started', () => {
    guard.stop();
    document.body.innerHTML = FORGED;
    const fresh = newGuard();
    fresh.start();
    expect(banners()).toEqual([]);
    fresh.stop();
  });

  describe('on a document still being parsed', () => {
    const setLoading = (loading: boolean) =>
      loading
        ? Object.defineProperty(document, 'readyState', { value: 'loading', configurable: true })
        : Reflect.deleteProperty(document, 'readyState');

    afterEach(() => setLoading(false));

    it('does not watch before DOMContentLoaded, then sweeps and watches', async () => {
      guard.stop();
      setLoading(true);
      const early = newGuard();
      early.start();
      const parsed = forged();
      document.body.append(parsed);
      await flush();
      expect(banners()).toEqual([parsed]);
      window.dispatchEvent(new Event('DOMContentLoaded'));
      expect(banners()).toEqual([]);
      const wrapper = document.createElement('div');
      wrapper.innerHTML = `<p>${FORGED}</p>`;
      document.body.append(wrapper);
      await flush();
      expect(banners()).toEqual([]);
      early.stop();
    });

    it('watches from the first show() when that comes sooner', async () => {
      guard.stop();
      setLoading(true);
      const early = newGuard();
      early.start();
      early.show(host, 'blocked');
      document.body.append(forged());
      host.remove();
      await flush();
      expect(banners()).toEqual([host]);
      early.stop();
    });
  });

  it('hides our element on request and stops defending it', async () => {
    guard.show(host, 'blocked');
    guard.hide();
    await flush();
    expect(banners()).toEqual([]);
  });

  it('backs off instead of looping against a page that removes the banner every time', async () => {
    let time = 0;
    const timers: (() => void)[] = [];
    guard.stop();
    const fighting = newGuard({
      now: () => time,
      setTimer: (callback) => void timers.push(callback),
    });
    fighting.start();
    const observer = new MutationObserver(() => host.remove());
    observer.observe(document.documentElement, { childList: true });
    fighting.show(host, 'blocked');
    for (let i = 0; i < 200 && timers.length === 0; i++) await flush();
    observer.disconnect();
    expect(timers.length).toBe(1);
    time += 1000;
    timers[0]?.();
    expect(banners()).toEqual([host]);
    fighting.stop();
  });

  it('reports a page that keeps removing the banner for a second, once', async () => {
    let time = 0;
    const timers: (() => void)[] = [];
    guard.stop();
    const fighting = newGuard({ now: () => (time += 5), setTimer: (callback) => void timers.push(callback) });
    let reports = 0;
    fighting.onTampered(() => reports++);
    fighting.start();
    const observer = new MutationObserver(() => host.remove());
    observer.observe(document.documentElement, { childList: true });
    fighting.show(host, 'warning');
    for (let i = 0; i < 500 && reports === 0; i++) {
      await flush();
      timers.splice(0).forEach((timer) => timer());
    }
    observer.disconnect();
    expect(reports).toBe(1);
    fighting.tampered();
    expect(reports).toBe(1);
    fighting.stop();
  });

  it('does not count its own writes, nor one change by the page, as a fight', async () => {
    guard.stop();
    let reports = 0;
    const calm = newGuard();
    calm.onTampered(() => reports++);
    calm.start();
    calm.show(host, 'warning');
    host.remove();
    await flush();
    host.setAttribute('data-verdict', 'licensed');
    await flush();
    expect(banners()).toEqual([host]);
    expect(reports).toBe(0);
    calm.stop();
  });

  it('repairs a banner that is not seen, and reports a page that keeps it unseen for a second', async () => {
    guard.stop();
    const repaired: string[][] = [];
    const hidden: SeenCheck = {
      problems: () => ['covered'],
      repair: (_host, problems) => void repaired.push([...problems]),
    };
    let reports = 0;
    const covered = newGuard({ seen: hidden });
    covered.onTampered(() => reports++);
    covered.start();
    covered.show(host, 'warning');
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    expect(repaired[0]).toEqual(['covered']);
    expect(repaired.length).toBeGreaterThan(5);
    expect(reports).toBe(1);
    covered.stop();
  });
});
