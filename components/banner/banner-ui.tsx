/**
 * The banner part: a `<div data-qorgan-banner>` with a closed shadow root of our own
 * (banner-host.ts), rendered with Preact, placed and defended by the page script's guard.
 * WXT's shadow-root UI is not used: its content-script context obeys an event any page can
 * dispatch, and its custom element name is one a page can define first.
 */
import { render } from 'preact';
import { I18nProvider, createI18nValue } from '../i18n';
import { resolveLanguage } from '../../lib/i18n/language';
import type { BannerPart } from '../page-parts';
import { Banner } from './Banner';
import { createBannerHost, type BannerHost } from './banner-host';
import { BANNER_CSS } from './banner-styles';
import { buildReportHref } from './report-link';
import { bannerHostSignals } from './banner-host-signals';

export interface BannerUiOptions {
  /** The browser's UI language, asked only when a banner is shown. */
  uiLanguage(): string;
  /** The build's report address (mailto: or a URL); null for the default one. */
  reportBase: string | null;
}

export function createBannerUi(options: BannerUiOptions, doc: Document = document): BannerPart {
  let built: BannerHost | null = null;
  let browserLanguage: string | undefined;

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
      let part: BannerHost;
      try {
        part = built ??= createBannerHost(doc, BANNER_CSS);
        render(
          <I18nProvider language={i18n.language} value={i18n}>
            <Banner
              context={context}
              reportHref={reportHref}
              onGoBack={onGoBack}
              onDetails={onDetails}
              onDismiss={(event) => {
                // Only a click the person meant on a banner they could see (meant-click.ts).
                if (part && guard.meantClick(event, part.root.activeElement !== null)) onDismiss();
              }}
            />
          </I18nProvider>,
          part.container,
        );
      } catch {
        // The page broke what building the banner needs: it cannot be shown, so it is tampering.
        guard.tampered();
        return;
      }
      guard.show(part.host, result.verdict, bannerHostSignals(result));
      await Promise.resolve();
    },
  };
}
