/**
 * The sampler of page-sample.js, injected into the extension's isolated world when the page's main
 * world could not be trusted to read the page (it patched or broke what the reading needs, or never
 * answered). The isolated world has its own globals and DOM wrappers, which the page's scripts
 * cannot patch. It costs the next page load in the tab a few milliseconds (bench/README.md), so it
 * runs only on such pages.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { sampleCryptoPage } from '../../lib/detect/unregistered/assess-page';
import type { PageSample } from '../../lib/detect/unregistered/types';

export default defineUnlistedScript((): PageSample | null => {
  try {
    return sampleCryptoPage(document, undefined, document.URL);
  } catch {
    return null;
  }
});
