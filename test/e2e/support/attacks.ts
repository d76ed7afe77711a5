/**
 * Hostile pages: each one attacks the banner the way a page author could, served at
 * `http://<host>/attack/<name>` by the fixture server. bybit.com is a warning site in the
 * bundled registry, bybit.kz a licensed one, plain.example.org known to no list.
 *
 * An attack that needs the banner waits for it (`whenBanner`), then strikes and sets
 * `window.attacked`, from which the test counts its two seconds.
 */
import type { FixtureServer } from './fixture-server';
import { CHROME_EXTENSION_ID, GECKO_ID } from './browsers';

export interface Attack {
  name: string;
  /** CSS in the page's own stylesheet. */
  css?: string;
  /** Script run in the page's head, before anything of ours can run. */
  script: string;
  /** Only the extension's warning page ends this attack: it leaves the banner drawn but unusable. */
  mustEscalate?: boolean;
  /** The test presses Tab while the attack runs, as a keyboard user trying to reach the banner. */
  tabs?: boolean;
}

/** The colour of the attackers' fake bar: anything but the banner's own amber. */
export const FAKE_COLOUR = '#1a7f37';

const FAKE_BAR = `<b style="font:20px sans-serif;color:#fff">Licensed by AFSA — safe to trade</b>`;

/** Calls `strike` once the banner is in the page (the old name too, so the attack can fail first). */
const whenBanner = (strike: string) => `
  const strikeOnce = () => { ${strike}; window.attacked = true; };
  const found = () => document.querySelector('[data-qorgan-banner], qorgan-banner');
  if (found()) strikeOnce();
  else {
    const watcher = new MutationObserver(() => { if (found()) { watcher.disconnect(); strikeOnce(); } });
    watcher.observe(document, { childList: true, subtree: true });
  }`;

const now = 'window.attacked = true;';

const cover = (tag: string, attributes: string) =>
  `const cover = document.createElement('${tag}'); ${attributes}
   cover.style.cssText = 'position:fixed;inset:0;width:100vw;height:100vh;max-width:none;max-height:none;margin:0;border:0;background:${FAKE_COLOUR};z-index:2147483647';
   cover.innerHTML = '${FAKE_BAR}';
   (document.body ?? document.documentElement).append(cover);`;

/** A style on `<html>` that hides its top, where the banner is; the page pads its own content below. */
const onHtml = (declaration: string, negativeMargin = false): string =>
  `html { ${declaration} !important; ${negativeMargin ? 'margin-top: -400px !important;' : ''} }` +
  ` body { padding-top: 240px; background: ${FAKE_COLOUR}; }`;

export const ATTACKS: readonly Attack[] = [
  {
    name: 'framework-event',
    script: whenBanner(`
      for (const id of ['${CHROME_EXTENSION_ID}', '${GECKO_ID}']) {
        const type = id + ':page-banner:wxt:content-script-started';
        const detail = { contentScriptName: 'page-banner', messageId: 'page' };
        document.dispatchEvent(new CustomEvent(type, { detail }));
        window.postMessage({ type, contentScriptName: 'page-banner', messageId: 'page' }, '*');
      }`),
  },
  {
    name: 'element-names',
    script: `
      customElements.define('qorgan-banner', class extends HTMLElement { static disabledFeatures = ['shadow']; });
      try {
        customElements.define('fake-div', class extends HTMLDivElement { static disabledFeatures = ['shadow']; }, { extends: 'div' });
      } catch {}
      const attach = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function () { throw new Error('no shadow for you'); };
      const create = Document.prototype.createElement;
      Document.prototype.createElement = function (name, options) {
        return create.call(this, name, name === 'div' ? { is: 'fake-div' } : options);
      };
      void attach; ${now}`,
  },
  { name: 'modal-dialog', script: whenBanner(`${cover('dialog', '')} cover.showModal();`) },
  {
    name: 'popover',
    script: whenBanner(`${cover('div', "cover.popover = 'manual';")} cover.showPopover();`),
  },
  {
    name: 'html-after-cover',
    css: `html::after { content: 'Licensed by AFSA — safe to trade'; position: fixed; top: 0; left: 0; right: 0; height: 240px; background: ${FAKE_COLOUR}; color: #fff; z-index: 2147483647; }`,
    script: now,
  },
  { name: 'html-clip-path', css: onHtml('clip-path: inset(200px 0 0 0)'), script: now },
  { name: 'html-transform', css: onHtml('transform: translateY(-400px)', true), script: now },
  { name: 'html-mask', css: onHtml('mask: linear-gradient(transparent 0 200px, #000 200px)'), script: now },
  { name: 'html-zoom', css: onHtml('zoom: 0.02'), script: now },
  { name: 'html-contain', css: onHtml('contain: strict; height: 100vh', true), script: now },
  {
    name: 'last-child-overlay',
    script: whenBanner(`${cover('div', '')}
      const last = () => { if (document.documentElement.lastElementChild !== cover) document.documentElement.append(cover); };
      new MutationObserver(last).observe(document, { childList: true, subtree: true });
      setInterval(last, 10); last();`),
  },
  {
    name: 'removal-loop',
    script: whenBanner(`
      const sweep = () => { for (const el of document.querySelectorAll('[data-qorgan-banner], qorgan-banner')) el.remove(); };
      new MutationObserver(sweep).observe(document, { childList: true, subtree: true });
      sweep();`),
  },
  {
    name: 'clickjack',
    css: `html::after { content: 'Continue ▶'; pointer-events: none; position: fixed; top: 0; right: 0; width: 60vw; height: 160px; background: ${FAKE_COLOUR}; color: #fff; font: 40px sans-serif; z-index: 2147483647; }`,
    script: now,
  },
  {
    name: 'focus-theft',
    mustEscalate: true,
    tabs: true,
    script: whenBanner(`
      const trap = document.createElement('input');
      trap.setAttribute('aria-label', 'search');
      document.body.prepend(trap);
      setInterval(() => trap.focus(), 20);`),
  },
  { name: 'inert', script: whenBanner(`document.documentElement.inert = true;`) },
];

/** The page of one attack on `host`. */
function attackPage(attack: Attack, host: string): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${host}</title>` +
    `<style>body { font: 16px sans-serif; min-height: 200vh; } ${attack.css ?? ''}</style>` +
    `<script>${attack.script}</script></head>` +
    `<body><h1>${host}</h1><p>Trade here.</p><button type="button">Buy</button></body></html>`
  );
}

/** Serves every attack on `host`; returns the address of each by name. */
export function serveAttacks(server: FixtureServer, host: string): Map<string, string> {
  const urls = new Map<string, string>();
  for (const attack of ATTACKS) {
    server.route(`${host}/attack/${attack.name}`, (_req, res) => {
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
        .end(attackPage(attack, host));
    });
    urls.set(attack.name, `http://${host}/attack/${attack.name}`);
  }
  return urls;
}
