/** The toolbar popup, also opened as a tab (`popup.html?url=…`) from the banner's Details. */
import { useEffect, useState } from 'preact/hooks';
import type { PageContext, RegistryStatus } from '../../lib/messaging/protocol';
import { useI18n } from '../i18n';
import type { MessagingClient } from '../messaging';
import { VerdictCard } from '../verdict/VerdictCard';
import { LookupField } from './LookupField';
import { RegistryStatusPanel } from './RegistryStatusPanel';

export interface PopupProps {
  client: MessagingClient;
  /** `?url=` of the page: prefills the lookup, and replaces the current tab's section. */
  initialUrl: string | null;
  optionsHref: string;
}

type Current = { kind: 'loading' } | { kind: 'none' } | { kind: 'page'; url: string; context: PageContext };

export function Popup({ client, initialUrl, optionsHref }: PopupProps) {
  const { t } = useI18n();
  const [status, setStatus] = useState<RegistryStatus | null>(null);
  const [statusFailed, setStatusFailed] = useState(false);
  const [current, setCurrent] = useState<Current>({ kind: initialUrl ? 'none' : 'loading' });

  useEffect(() => {
    client.send('registry/status', {}).then(setStatus, () => setStatusFailed(true));
    if (initialUrl) return;
    client.send('tab/current', {}).then(
      ({ url, context }) => setCurrent(url && context ? { kind: 'page', url, context } : { kind: 'none' }),
      () => setCurrent({ kind: 'none' }),
    );
  }, [client, initialUrl]);

  const syncNow = async () => {
    try {
      setStatus(await client.send('registry/sync-now', {}));
    } catch {
      setStatusFailed(true);
    }
  };

  const sources = status?.sources ?? [];
  return (
    <main class="page popup">
      <header class="top">
        <h1>{t('popup_title')}</h1>
        <a href={optionsHref} target="_blank" rel="noopener">
          {t('popup_options')}
        </a>
      </header>
      {!initialUrl && (
        <section aria-labelledby="qorgan-current-heading">
          <h2 id="qorgan-current-heading">{t('popup_current_tab')}</h2>
          {current.kind === 'none' && <p class="muted">{t('popup_not_web_page')}</p>}
          {current.kind === 'page' && (
            <VerdictCard
              result={current.context.result}
              source={current.context.source}
              sources={sources}
              registryIssuedAt={current.context.registryIssuedAt}
              dismissed={current.context.dismissed}
              testId="current-verdict"
              headingLevel={3}
            />
          )}
        </section>
      )}
      <section aria-labelledby="qorgan-lookup-heading">
        <h2 id="qorgan-lookup-heading">{t('popup_lookup_heading')}</h2>
        <LookupField
          client={client}
          initialQuery={initialUrl ?? ''}
          sources={sources}
          registryIssuedAt={status?.issuedAt ?? null}
        />
      </section>
      <RegistryStatusPanel status={status} failed={statusFailed} onSyncNow={syncNow} />
    </main>
  );
}
