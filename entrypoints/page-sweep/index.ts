/**
 * Injected by the background, in the page's main world, into every http(s)
 * page that shows no banner once it has loaded (see
 * background/page-scripts.ts): removes `<qorgan-banner>` elements the page
 * forges (components/banner/banner-sweep.ts). Running it again in the same
 * page changes nothing.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startBannerSweep } from '../../components/banner/banner-sweep';

export default defineUnlistedScript(() => {
  startBannerSweep(document);
});
