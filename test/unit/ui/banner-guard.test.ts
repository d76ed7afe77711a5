// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BANNER_TAG, BannerGuard } from '../../../components/banner/banner-guard';
import { HOST_STYLE } from '../../../components/banner/banner-styles';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function ownHost(): HTMLElement {
  const host = document.createElement(BANNER_TAG);
  host.attachShadow({ mode: 'closed' });
  return host;
}

const banners = () => Array.from(document.getElementsByTagName(BANNER_TAG));

describe('BannerGuard', () => {
  let guard: BannerGuard;
  let host: HTMLElement;

  beforeEach(() => {
    document.body.innerHTML = '<p>page</p>';
    guard = new BannerGuard({ doc: document, hostStyle: HOST_STYLE });
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
    const forged = document.createElement(BANNER_TAG);
    forged.setAttribute('data-verdict', 'licensed');
    document.body.append(forged);
    await flush();
    expect(banners()).toEqual([]);

    guard.show(host, 'blocked');
    const wrapper = document.createElement('div');
    wrapper.innerHTML = `<section><${BANNER_TAG} data-verdict="unknown"></${BANNER_TAG}></section>`;
    document.body.append(wrapper);
    await flush();
    expect(banners()).toEqual([host]);
    expect(host.getAttribute('data-verdict')).toBe('blocked');
  });

  it('removes forged banners that were in the document before it started', () => {
    guard.stop();
    document.body.innerHTML = `<${BANNER_TAG} data-verdict="warning"></${BANNER_TAG}>`;
    const fresh = new BannerGuard({ doc: document, hostStyle: HOST_STYLE });
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
      const early = new BannerGuard({ doc: document, hostStyle: HOST_STYLE });
      early.start();
      const parsed = document.createElement(BANNER_TAG);
      document.body.append(parsed);
      await flush();
      expect(banners()).toEqual([parsed]);
      window.dispatchEvent(new Event('DOMContentLoaded'));
      expect(banners()).toEqual([]);
      const wrapper = document.createElement('div');
      wrapper.innerHTML = `<p><${BANNER_TAG}></${BANNER_TAG}></p>`;
      document.body.append(wrapper);
      await flush();
      expect(banners()).toEqual([]);
      early.stop();
    });

    it('watches from the first show() when that comes sooner', async () => {
      guard.stop();
      setLoading(true);
      const early = new BannerGuard({ doc: document, hostStyle: HOST_STYLE });
      early.start();
      early.show(host, 'blocked');
      const forged = document.createElement(BANNER_TAG);
      document.body.append(forged);
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
    const fighting = new BannerGuard({
      doc: document,
      hostStyle: HOST_STYLE,
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
});
