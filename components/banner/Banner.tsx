/** The warning banner shown on the page, inside the content script's closed shadow root. */
import type { PageContext } from '../../lib/messaging/protocol';
import { useI18n } from '../i18n';
import { targetUrl } from '../safe-url';
import { describeVerdict } from '../verdict/describe-verdict';

export interface BannerActions {
  onGoBack(): void;
  onDetails(): void;
  onDismiss(): void;
}

export interface BannerProps extends BannerActions {
  context: PageContext;
  reportHref: string;
}

/** Verdicts on a light (amber) background; the others are on a dark red one. */
const CAUTION_VERDICTS: ReadonlySet<string> = new Set(['warning', 'unregistered']);

export function Banner({ context, reportHref, onGoBack, onDetails, onDismiss }: BannerProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const { result } = context;
  const description = describeVerdict(result, context.source, context.registryIssuedAt, i18n);
  const licensedHref = description.licensedTarget ? targetUrl(description.licensedTarget) : null;
  const headlineId = 'qorgan-headline';

  return (
    <section
      class="qorgan"
      role="alert"
      aria-labelledby={headlineId}
      lang={i18n.language}
      data-verdict={result.verdict}
      data-tone={CAUTION_VERDICTS.has(result.verdict) ? 'caution' : 'danger'}
    >
      <div class="inner">
        <div class="text">
          <p class="brand">Qorgan</p>
          <p class="headline" id={headlineId}>
            {description.headline}
          </p>
          <p class="explain">{description.explanation}</p>
          {description.sourceLine && <p class="source">{description.sourceLine}</p>}
        </div>
        <div class="actions">
          <button type="button" onClick={onGoBack}>
            {t('action_go_back')}
          </button>
          {licensedHref && description.licensedTarget && (
            <a class="action" href={licensedHref} rel="noopener noreferrer">
              {t('action_go_licensed', { site: description.licensedTarget })}
            </a>
          )}
          <button type="button" class="secondary" onClick={onDetails}>
            {t('action_details')}
          </button>
          {context.allowBypass && (
            <button type="button" class="secondary" onClick={onDismiss}>
              {t('action_dismiss')}
            </button>
          )}
          <a class="link" href={reportHref} target="_blank" rel="noopener noreferrer">
            {t('action_report')}
          </a>
        </div>
      </div>
    </section>
  );
}
