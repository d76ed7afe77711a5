/**
 * The banner part, injected by the background into a page whose verdict needs
 * a banner (see components/page-parts.ts). Running it again in the same page
 * changes nothing.
 */
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createBannerUi } from '../../components/banner/banner-ui';
import { pageParts } from '../../components/page-parts';

/** Report link from the build's configuration (`WXT_QORGAN_REPORT_URL`); the default address otherwise. */
const REPORT_BASE = (import.meta.env.WXT_QORGAN_REPORT_URL as string | undefined) ?? null;

export default defineUnlistedScript(() => {
  const parts = pageParts();
  parts.banner ??= createBannerUi({
    uiLanguage: () => browser.i18n.getUILanguage(),
    reportBase: REPORT_BASE,
  });
});
