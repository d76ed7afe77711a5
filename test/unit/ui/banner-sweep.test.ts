// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { BANNER_TAG, BannerGuard, OWN_BANNER_EVENT } from '../../../components/banner/banner-guard';
import { startBannerSweep } from '../../../components/banner/banner-sweep';
import { HOST_STYLE } from '../../../components/banner/banner-styles';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const banners = () => Array.from(document.getElementsByTagName(BANNER_TAG));

function forge(parent: Element = document.body): HTMLElement {
  const forged = document.createElement(BANNER_TAG);
  forged.setAttribute('data-verdict', 'licensed');
  parent.append(forged);
  return forged;
}

describe('the sweep of forged banners in the page main world', () => {
  const guards: BannerGuard[] = [];
  afterEach(() => {
    for (const guard of guards.splice(0)) guard.stop();
    // Stands the test's sweep down, as our banner would.
    document.dispatchEvent(new Event(OWN_BANNER_EVENT));
    for (const element of banners()) element.remove();
  });

  it('removes forged banners already in the page, and those added or nested later; runs once per document', async () => {
    forge();
    expect(startBannerSweep(document)).toBe(true);
    expect(banners()).toEqual([]);
    forge();
    const wrapper = document.createElement('div');
    wrapper.innerHTML = `<section><${BANNER_TAG} data-verdict="blocked"></${BANNER_TAG}></section>`;
    document.body.append(wrapper);
    await flush();
    expect(banners()).toEqual([]);
    expect(startBannerSweep(document)).toBe(false);
  });

  it('stands down for our own banner, which the isolated guard then defends alone', async () => {
    const doc = document.implementation.createHTMLDocument('page');
    startBannerSweep(doc);
    const guard = new BannerGuard({ doc, hostStyle: HOST_STYLE });
    guards.push(guard);
    guard.start();
    const host = doc.createElement(BANNER_TAG);
    host.attachShadow({ mode: 'closed' });
    guard.show(host, 'unregistered');
    await flush();
    // Ours stays, and a forged one is still removed, by the guard now.
    expect(Array.from(doc.getElementsByTagName(BANNER_TAG))).toEqual([host]);
    const forged = doc.createElement(BANNER_TAG);
    doc.body.append(forged);
    await flush();
    expect(Array.from(doc.getElementsByTagName(BANNER_TAG))).toEqual([host]);
  });

  it('without the stand-down it would remove our banner too', async () => {
    const doc = document.implementation.createHTMLDocument('page');
    startBannerSweep(doc);
    const host = doc.createElement(BANNER_TAG);
    doc.documentElement.append(host);
    await flush();
    expect(host.isConnected).toBe(false);
  });
});

describe('the sweep in a page that broke the DOM it needs', () => {
  it('does not throw, so the sampler injected after it still runs', () => {
    const doc = document.implementation.createHTMLDocument('page');
    Object.preventExtensions(doc);
    expect(startBannerSweep(doc)).toBe(false);
  });
});
