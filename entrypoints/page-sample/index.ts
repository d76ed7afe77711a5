/**
 * Injected by the background, in the page's main world, after page-sweep.js into a loaded page the
 * registry knows nothing of (see background/page-scripts.ts). At the page's next idle moment it
 * takes a glance for any crypto-asset and, only on a page that names one, the bounded sample of the
 * page the unregistered detector scores. The sample is its result (the last file's result is what
 * the injection returns); the background validates it and scores it (lib/detect/unregistered).
 *
 * The main world is the page's own: the page can see this code and patch what it calls. When the
 * functions it needs are not the browser's own, or the reading throws, it answers SAMPLER_TAMPERED
 * at once, and the background samples the page from the isolated world instead
 * (page-sample-isolated.js); when no answer comes (an idle callback that never runs), the
 * background does the same after a wait.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { sampleCryptoPage } from '../../lib/detect/unregistered/assess-page';
import { looksPatched, SAMPLER_TAMPERED } from '../../lib/detect/unregistered/sampler-answer';
import type { PageSample } from '../../lib/detect/unregistered/types';

/** The sample waits for an idle moment at most this long. */
const IDLE_TIMEOUT_MS = 3000;

type Answer = PageSample | null | typeof SAMPLER_TAMPERED;

function patched(): boolean {
  const toString = Function.prototype.toString;
  if (Object.getOwnPropertyDescriptor(document, 'title') !== undefined) return true;
  return looksPatched(
    [
      toString,
      globalThis.requestIdleCallback,
      Object.getOwnPropertyDescriptor(Document.prototype, 'title')?.get,
      Object.getOwnPropertyDescriptor(Node.prototype, 'firstChild')?.get,
      Object.getOwnPropertyDescriptor(Node.prototype, 'nodeValue')?.get,
      Object.getOwnPropertyDescriptor(Element.prototype, 'shadowRoot')?.get,
      Document.prototype.createTreeWalker,
      Document.prototype.getElementsByTagName,
      Element.prototype.getAttribute,
      TreeWalker.prototype.nextNode,
    ],
    (fn) => toString.call(fn),
  );
}

function samplePage(): Answer {
  try {
    return sampleCryptoPage(document, undefined, document.URL);
  } catch {
    return SAMPLER_TAMPERED;
  }
}

export default defineUnlistedScript(
  () =>
    new Promise<Answer>((resolve) => {
      try {
        if (patched()) {
          resolve(SAMPLER_TAMPERED);
          return;
        }
        requestIdleCallback(() => resolve(samplePage()), { timeout: IDLE_TIMEOUT_MS });
      } catch {
        resolve(SAMPLER_TAMPERED);
      }
    }),
);
