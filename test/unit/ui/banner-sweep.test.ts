// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { BANNER_ATTRIBUTE, createBannerHost } from '../../../components/banner/banner-host';
import { isForgedHost, startBannerSweep } from '../../../components/banner/banner-sweep';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const banners = (doc: Document = document) => Array.from(doc.querySelectorAll(`[${BANNER_ATTRIBUTE}]`));

function forge(parent: Element = document.body, tag = 'div'): Element {
  const forged = document.createElement(tag);
  forged.setAttribute(BANNER_ATTRIBUTE, '');
  forged.setAttribute('data-verdict', 'licensed');
  parent.append(forged);
  return forged;
}

describe('the sweep of forged banners in the page main world', () => {
  afterEach(() => {
    for (const element of banners()) element.remove();
  });

  it('removes forged hosts already in the page, and those added, nested or marked later', async () => {
    forge();
    expect(startBannerSweep(document)).toBe(true);
    expect(banners()).toEqual([]);
    forge(document.body, 'qorgan-banner');
    const wrapper = document.createElement('div');
    wrapper.innerHTML = `<section><div ${BANNER_ATTRIBUTE} data-verdict="blocked"></div></section>`;
    document.body.append(wrapper);
    const marked = document.createElement('p');
    document.body.append(marked);
    await flush();
    marked.setAttribute(BANNER_ATTRIBUTE, '');
    await flush();
    expect(banners()).toEqual([]);
  });

  it('leaves our host alone with no word from it: ours is a div that already has a shadow root', async () => {
    const doc = document.implementation.createHTMLDocument('page');
    startBannerSweep(doc);
    const { host } = createBannerHost(doc, '');
    doc.documentElement.append(host);
    const forged = doc.createElement('div');
    forged.setAttribute(BANNER_ATTRIBUTE, '');
    doc.body.append(forged);
    await flush();
    expect(banners(doc)).toEqual([host]);
    expect(isForgedHost(host)).toBe(false);
  });

  it('leaves no mark in the page: nothing on the document or the window tells a site it ran', () => {
    const doc = document.implementation.createHTMLDocument('page');
    const before = [Object.getOwnPropertySymbols(doc), Object.getOwnPropertyNames(doc)].flat().length;
    const globals = Object.getOwnPropertyNames(globalThis).length;
    startBannerSweep(doc);
    expect([Object.getOwnPropertySymbols(doc), Object.getOwnPropertyNames(doc)].flat().length).toBe(before);
    expect(Object.getOwnPropertyNames(globalThis).length).toBe(globals);
  });
});

describe('the sweep in a page that broke the DOM it needs', () => {
  it('does not throw, so the sampler injected after it still runs', () => {
    const doc = document.implementation.createHTMLDocument('page');
    Object.defineProperty(doc, 'querySelectorAll', {
      value: () => {
        throw new Error('broken by the page');
      },
    });
    expect(startBannerSweep(doc)).toBe(false);
  });
});
