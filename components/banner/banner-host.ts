/**
 * Builds the banner's host: a built-in `<div>` made with `createElementNS` in the XHTML namespace,
 * so no page definition applies to it (a page can define a custom element name, never `div`), in
 * HTML and in SVG or XML documents alike, with a closed shadow root of our own. It is made in the
 * extension's isolated world, whose DOM functions the page cannot replace.
 */
export const BANNER_ATTRIBUTE = 'data-qorgan-banner';

/** The HTML namespace: the host is made in it, and a document whose root is in another is not HTML. */
export const XHTML = 'http://www.w3.org/1999/xhtml';

export interface BannerHost {
  host: HTMLElement;
  /** Where the banner is rendered, inside the closed shadow root. */
  container: HTMLElement;
  root: ShadowRoot;
}

export function createBannerHost(doc: Document, css: string): BannerHost {
  const host = doc.createElementNS(XHTML, 'div') as HTMLElement;
  host.setAttribute(BANNER_ATTRIBUTE, '');
  // The top layer, where the browser has it: above every element and pseudo-element of the page.
  host.setAttribute('popover', 'manual');
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElementNS(XHTML, 'style');
  style.textContent = css;
  const container = doc.createElementNS(XHTML, 'div') as HTMLElement;
  root.append(style, container);
  return { host, container, root };
}
