/**
 * Injected by the background, in the page's main world, after page-sweep.js
 * into a loaded page the registry knows nothing of (see
 * background/page-scripts.ts). At the page's next idle moment it takes a
 * glance for any crypto-asset and, only on a page that names one, the bounded
 * sample of the page the unregistered detector scores. The sample is its
 * result (the last file's result is what the injection returns); the
 * background validates it and scores it (lib/detect/unregistered).
 *
 * The main world is the page's own: the page can see this code, and feed it
 * what it wants. That only ever moves the page's own verdict, and a page can
 * as well leave out the words the detector looks for.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { sampleCryptoPage } from '../../lib/detect/unregistered/assess-page';
import type { PageSample } from '../../lib/detect/unregistered/types';

/** The sample waits for an idle moment at most this long. */
const IDLE_TIMEOUT_MS = 3000;

/** The sample of the page, or null when it names no crypto-asset or the page broke what the reading needs. */
function samplePage(): PageSample | null {
  try {
    return sampleCryptoPage(document);
  } catch {
    return null;
  }
}

export default defineUnlistedScript(
  () =>
    new Promise<PageSample | null>((resolve) => {
      try {
        requestIdleCallback(() => resolve(samplePage()), { timeout: IDLE_TIMEOUT_MS });
      } catch {
        resolve(samplePage());
      }
    }),
);
