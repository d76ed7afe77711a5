/**
 * The banner part, injected by the background into a page whose verdict needs
 * a banner (see components/page-parts.ts). Running it again in the same page
 * changes nothing.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createBannerUi } from '../../components/banner/banner-ui';
import { pageParts } from '../../components/page-parts';

/** Report link from the build's configuration (`WXT_QORGAN_REPORT_URL`); the default address otherwise. */
const REPORT_BASE = (import.meta.env.WXT_QORGAN_REPORT_URL as string | undefined) ?? null;

export default defineUnlistedScript(() => {
  const parts = pageParts();
  parts.banner ??= createBannerUi(new ContentScriptContext('page-banner'), {
    uiLanguage: () => browser.i18n.getUILanguage(),
    reportBase: REPORT_BASE,
  });
});
