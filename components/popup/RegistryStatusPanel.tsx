/** The installed registry: version, dates, where it came from, the last error, and Sync now. */
import { useState } from 'preact/hooks';
import type { RegistryStatus } from '@/lib/messaging/protocol';
import { rejectionLocaleKey, REJECTION_CODES, type RejectionCode } from '@/lib/registry/rejection';
import { useI18n, type I18n } from '../i18n';

export interface RegistryStatusPanelProps {
  status: RegistryStatus | null;
  failed: boolean;
  onSyncNow(): Promise<void>;
}

export function describeRejection(reason: string, i18n: I18n): string {
  const known = (REJECTION_CODES as readonly string[]).includes(reason);
  return (known && i18n.lookup(rejectionLocaleKey(reason as RejectionCode))) || reason;
}

export function RegistryStatusPanel({ status, failed, onSyncNow }: RegistryStatusPanelProps) {
  const i18n = useI18n();
  const { t, format } = i18n;
  const [syncing, setSyncing] = useState(false);
  const now = new Date();
  // A registry past its expiry keeps protecting (nothing newer is trusted), but says so plainly.
  const stale = status !== null && Date.parse(status.expiresAt) <= now.getTime();
  const retrieved = (status?.sources ?? []).filter(
    (source): source is typeof source & { retrievedAt: string } => source.retrievedAt !== undefined,
  );

  const syncNow = () => {
    setSyncing(true);
    void onSyncNow().finally(() => setSyncing(false));
  };

  return (
    <section class="registry" aria-labelledby="qorgan-registry-heading">
      <h2 id="qorgan-registry-heading">{t('registry_heading')}</h2>
      {failed && !status && <p class="error">{t('error_no_answer')}</p>}
      {status && (
        <div data-testid="registry-status" data-version={String(status.version)} data-source={status.origin}>
          {stale && (
            <p class="error" role="status" data-testid="registry-stale">
              {t('registry_out_of_date', { date: format.date(status.expiresAt) })}
            </p>
          )}
          <dl class="facts">
            <div class="fact">
              <dt>{t('registry_version')}</dt>
              <dd>{format.number(status.version)}</dd>
            </div>
            <div class="fact">
              <dt>{t('registry_issued')}</dt>
              <dd data-testid="registry-issued">
                {format.date(status.issuedAt)} ({format.ago(status.issuedAt, now)})
              </dd>
            </div>
            {retrieved.length > 0 && (
              <div class="fact">
                <dt>{t('registry_retrieved')}</dt>
                <dd data-testid="registry-retrieved">
                  {retrieved
                    .map((source) => `${source.title}: ${format.date(source.retrievedAt)}`)
                    .join('; ')}
                </dd>
              </div>
            )}
            <div class="fact">
              <dt>{t('registry_origin')}</dt>
              <dd>{t(status.origin === 'remote' ? 'registry_origin_remote' : 'registry_origin_bundled')}</dd>
            </div>
            <div class="fact">
              <dt>{t('registry_entries')}</dt>
              <dd>{format.number(status.entryCount)}</dd>
            </div>
            <div class="fact">
              <dt>{t('registry_last_sync')}</dt>
              <dd>{status.lastSyncAt ? format.dateTime(status.lastSyncAt) : t('registry_never')}</dd>
            </div>
            <div class="fact">
              <dt>{t('registry_expires')}</dt>
              <dd>{format.date(status.expiresAt)}</dd>
            </div>
            <div class="fact">
              <dt>{t('registry_source_url')}</dt>
              <dd data-testid="registry-url">{status.registryUrl ?? t('registry_no_url')}</dd>
            </div>
            {status.lastError && (
              <div class="fact" data-testid="registry-error">
                <dt>{t('registry_last_error')}</dt>
                <dd>
                  {describeRejection(status.lastError.reason, i18n)}
                  {status.lastError.detail && <span class="detail"> ({status.lastError.detail})</span>}
                  <span class="muted"> — {format.dateTime(status.lastError.at)}</span>
                </dd>
              </div>
            )}
          </dl>
        </div>
      )}
      <p class="row">
        <button type="button" onClick={syncNow} disabled={syncing}>
          {t('action_sync_now')}
        </button>
        <span aria-live="polite" class="muted">
          {syncing ? t('registry_syncing') : ''}
        </span>
      </p>
    </section>
  );
}
