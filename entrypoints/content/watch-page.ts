/**
 * The content script's flow: ask the background what this page is, show or
 * hide the banner, re-check on in-page navigations, and run the unregistered
 * detector when the background has no verdict. Page messages are never read.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { BannerGuard } from '@/components/banner/banner-guard';
import { HOST_STYLE } from '@/components/banner/banner-styles';
import { buildReportHref } from '@/components/banner/report-link';
import { createI18nValue } from '@/components/i18n';
import { createRuntimeClient } from '@/components/messaging';
import { resolveLanguage } from '@/lib/i18n/language';
import { isRecheckMessage, type PageContext } from '@/lib/messaging/protocol';
import { WARNING_VERDICTS } from '@/lib/verdict/types';
import { createBannerUi } from './banner-ui';
import { scheduleDetection } from './detect-page';

/** Report link from the build's configuration (`WXT_QORGAN_REPORT_URL`); the default address otherwise. */
const REPORT_BASE = (import.meta.env.WXT_QORGAN_REPORT_URL as string | undefined) ?? null;

export function shouldShowBanner(context: PageContext): boolean {
  return WARNING_VERDICTS.has(context.result.verdict) && !context.dismissed;
}

export function watchPage(ctx: ContentScriptContext): void {
  const client = createRuntimeClient();
  const guard = new BannerGuard({ doc: document, hostStyle: HOST_STYLE });
  guard.start();
  ctx.onInvalidated(() => guard.stop());
  const ui = createBannerUi(ctx, guard);
  // Asked only when a banner is shown: nothing before the verdict needs `browser.i18n`.
  let browserLanguage: string | undefined;
  let checkedUrl = '';
  let generation = 0;

  const apply = async (context: PageContext, url: string, run: number): Promise<void> => {
    if (run !== generation || ctx.isInvalid) return;
    if (!shouldShowBanner(context)) {
      ui.hide();
      return;
    }
    const { result } = context;
    if (result.verdict === 'blocked' && context.blockMode === 'block') {
      client.send('page/redirect-blocked', { url }).catch(() => undefined);
    }
    browserLanguage ??= browser.i18n.getUILanguage();
    const language = resolveLanguage(context.language, browserLanguage);
    const i18n = createI18nValue(language);
    const pageAddress = url.split(/[?#]/)[0] ?? url;
    const registryDate = i18n.format.date(context.registryIssuedAt);
    await ui.show(
      {
        context,
        reportHref: buildReportHref(context.reportUrl ?? REPORT_BASE, {
          url: pageAddress,
          host: result.host,
          verdict: result.verdict,
          registryDate,
          subject: i18n.t('report_subject', { host: result.host }),
          body: i18n.t('report_body', { url: pageAddress, verdict: result.verdict, date: registryDate }),
        }),
        onGoBack: () => {
          if (history.length > 1) history.back();
          else location.href = 'about:blank';
        },
        onDetails: () => {
          client.send('page/open-details', { url: location.href }).catch(() => undefined);
        },
        onDismiss: () => {
          // Hidden once the background has stored it, so a reload right after cannot race the write.
          client
            .send('dismiss/add', { host: result.host })
            .catch(() => undefined)
            .finally(() => {
              if (run === generation) ui.hide();
            });
        },
      },
      i18n,
    );
  };

  const check = async (): Promise<void> => {
    const url = location.href;
    const withoutFragment = url.split('#')[0] ?? url;
    if (withoutFragment === checkedUrl) return;
    checkedUrl = withoutFragment;
    const run = ++generation;
    let context: PageContext;
    try {
      context = await client.send('page/context', { url });
    } catch {
      if (run === generation) checkedUrl = '';
      return;
    }
    await apply(context, url, run);
    const { result } = context;
    if (
      result.verdict === 'unknown' &&
      context.detectUnregistered &&
      !result.exemption &&
      result.reason.kind === 'none'
    ) {
      scheduleDetection(ctx, document, result.host, async (report) => {
        if (run !== generation) return;
        const next = await client.send('page/signals', { url, ...report });
        await apply(next, url, run);
      });
    }
  };

  // The URL is always read from `location`, never from an event: a page can fire `popstate` itself.
  // In-page navigations (pushState) and registry or settings changes reach us from the background,
  // which sees them through `webNavigation` without a watcher in every page.
  ctx.addEventListener(window, 'popstate', () => ctx.setTimeout(() => void check(), 0));
  const onBackgroundMessage = (message: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id || !isRecheckMessage(message)) return;
    checkedUrl = '';
    void check();
  };
  browser.runtime.onMessage.addListener(onBackgroundMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onBackgroundMessage));
  void check();
}
