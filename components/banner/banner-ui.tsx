/**
 * The banner part: `<qorgan-banner>` with a closed shadow root made by WXT,
 * rendered with Preact, placed and defended by the page script's guard.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { I18nProvider, createI18nValue } from '@/components/i18n';
import { resolveLanguage } from '@/lib/i18n/language';
import type { BannerPart } from '../page-parts';
import { Banner } from './Banner';
import { BANNER_CSS } from './banner-styles';
import { BANNER_TAG } from './banner-guard';
import { buildReportHref } from './report-link';
import { bannerHostSignals } from './banner-host-signals';

export interface BannerUiOptions {
  /** The browser's UI language, asked only when a banner is shown. */
  uiLanguage(): string;
  /** The build's report address (mailto: or a URL); null for the default one. */
  reportBase: string | null;
}

export function createBannerUi(ctx: ContentScriptContext, options: BannerUiOptions): BannerPart {
  let created: Promise<{ host: HTMLElement; container: HTMLElement }> | null = null;
  let browserLanguage: string | undefined;
  const create = () =>
    (created ??= createShadowRootUi(ctx, {
      name: BANNER_TAG,
      mode: 'closed',
      position: 'inline',
      css: BANNER_CSS,
      isolateEvents: true,
      // The guard inserts the host and keeps it in place, so WXT's own mount is never used.
      onMount: () => undefined,
    }).then((ui) => ({ host: ui.shadowHost, container: ui.uiContainer })));

  return {
    async show({ context, url, guard, onGoBack, onDetails, onDismiss }) {
      const { result } = context;
      browserLanguage ??= options.uiLanguage();
      const i18n = createI18nValue(resolveLanguage(context.language, browserLanguage));
      const pageAddress = url.split(/[?#]/)[0] ?? url;
      const registryDate = i18n.format.date(context.registryIssuedAt);
      const reportHref = buildReportHref(context.reportUrl ?? options.reportBase, {
        url: pageAddress,
        host: result.host,
        verdict: result.verdict,
        registryDate,
        subject: i18n.t('report_subject', { host: result.host }),
        body: i18n.t('report_body', { url: pageAddress, verdict: result.verdict, date: registryDate }),
      });
      const { host, container } = await create();
      if (ctx.isInvalid) return;
      render(
        <I18nProvider language={i18n.language} value={i18n}>
          <Banner
            context={context}
            reportHref={reportHref}
            onGoBack={onGoBack}
            onDetails={onDetails}
            onDismiss={onDismiss}
          />
        </I18nProvider>,
        container,
      );
      guard.show(host, result.verdict, bannerHostSignals(result));
    },
  };
}
