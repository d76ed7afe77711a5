/**
 * The banner's host element: `<qorgan-banner>` with a closed shadow root made
 * by WXT, rendered with Preact, placed and defended by the guard.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { Banner, type BannerProps } from '@/components/banner/Banner';
import { BANNER_CSS } from '@/components/banner/banner-styles';
import { BANNER_TAG, type BannerGuard } from '@/components/banner/banner-guard';
import { I18nProvider, type I18n } from '@/components/i18n';

export interface BannerUi {
  show(props: BannerProps, i18n: I18n): Promise<void>;
  hide(): void;
}

export function createBannerUi(ctx: ContentScriptContext, guard: BannerGuard): BannerUi {
  let created: Promise<{ host: HTMLElement; container: HTMLElement }> | null = null;
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
    async show(props, i18n) {
      const { host, container } = await create();
      if (ctx.isInvalid) return;
      render(
        <I18nProvider language={i18n.language} value={i18n}>
          <Banner {...props} />
        </I18nProvider>,
        container,
      );
      guard.show(host, props.context.result.verdict);
    },
    hide() {
      guard.hide();
    },
  };
}
