/** The extension's own page shown instead of a blocked site when blockMode is `block`. */
import { useEffect, useState } from 'preact/hooks';
import type { PageContext } from '../../lib/messaging/protocol';
import { useI18n } from '../i18n';
import type { MessagingClient } from '../messaging';
import { safeWebUrl } from '../safe-url';
import { VerdictCard } from '../verdict/VerdictCard';
import type { VerdictSource } from '../verdict/describe-verdict';

export interface BlockedPageProps {
  client: MessagingClient;
  /** The blocked address from `?url=`, as given. */
  url: string | null;
  onGoBack(): void;
  /** Navigates this tab to a web address (checked by `safeWebUrl`). */
  navigate(url: string): void;
  /** Called once the facts are known, e.g. to set the document's language. */
  onContext?(context: PageContext): void;
}

export function BlockedPage({ client, url, onGoBack, navigate, onContext }: BlockedPageProps) {
  const { t } = useI18n();
  const target = safeWebUrl(url);
  const [context, setContext] = useState<PageContext | null>(null);
  const [sources, setSources] = useState<readonly VerdictSource[]>([]);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!target) return;
    // The verdict comes from `lookup`, which is about the address it is given; `page/context`
    // supplies what does not depend on the address (bypass, registry date, language).
    Promise.all([
      client.send('page/context', { url: target }),
      client.send('lookup', { query: target }),
      client.send('registry/status', {}).catch(() => null),
    ]).then(
      ([page, looked, status]) => {
        const answer: PageContext = {
          ...page,
          result: looked.result ?? page.result,
          source: looked.result && looked.result.host !== page.result.host ? null : page.source,
        };
        setSources(status?.sources ?? []);
        setContext(answer);
        onContext?.(answer);
      },
      () => setFailed(true),
    );
  }, [client, target, onContext]);

  const proceed = async () => {
    if (!target || !context) return;
    try {
      await client.send('dismiss/add', { host: context.result.host });
    } finally {
      navigate(target);
    }
  };

  return (
    <main class="page blocked">
      <h1>{t('blocked_title')}</h1>
      {!target && <p>{t('blocked_no_address')}</p>}
      {target && (
        <p class="address">
          <span class="muted">{t('blocked_address')}: </span>
          <span class="url">{target}</span>
        </p>
      )}
      {failed && <p class="error">{t('error_no_answer')}</p>}
      {context && (
        <VerdictCard
          result={context.result}
          source={context.source}
          sources={sources}
          registryIssuedAt={context.registryIssuedAt}
          headingLevel={3}
        />
      )}
      <p class="row actions">
        <button type="button" class="primary" onClick={onGoBack}>
          {t('action_go_back')}
        </button>
        {context?.allowBypass && (
          <button type="button" onClick={() => void proceed()}>
            {t('action_proceed')}
          </button>
        )}
      </p>
      {context &&
        (context.allowBypass ? (
          <p class="muted">{t('blocked_proceed_note')}</p>
        ) : (
          <p>{t('blocked_bypass_disabled')}</p>
        ))}
    </main>
  );
}
