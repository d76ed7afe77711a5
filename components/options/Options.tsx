/** Options: registry URL, detection, language, dismissed sites with undo, and policy problems. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Requests, UiLanguage, UserSettings } from '../../lib/messaging/protocol';
import type { PolicyKey, PolicyProblem } from '../../lib/policy/types';
import { checkRegistryUrl } from '../../lib/policy/registry-url';
import { useI18n, type I18n } from '../i18n';
import type { MessagingClient } from '../messaging';

type SettingsAnswer = Requests['settings/get']['res'];
type Dismissal = Requests['dismiss/list']['res'][number];

export interface OptionsProps {
  client: MessagingClient;
  /** Told when the user picks another language, so the page can re-render in it. */
  onLanguageChange(language: UiLanguage): void;
}

const LANGUAGE_CHOICES: readonly UiLanguage[] = ['auto', 'kk', 'ru', 'en'];

export function describePolicyProblem(problem: PolicyProblem, i18n: I18n): string {
  const localised = problem.code ? i18n.lookup(`policy_problem_${problem.code.replaceAll('-', '_')}`) : null;
  const item = problem.item ? ` (${problem.item})` : '';
  return `${problem.key}${item}: ${localised ?? problem.reason}`;
}

export function Options({ client, onLanguageChange }: OptionsProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const [settings, setSettings] = useState<SettingsAnswer | null>(null);
  const [dismissals, setDismissals] = useState<Dismissal[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [registryUrl, setRegistryUrl] = useState('');
  const [urlError, setUrlError] = useState(false);
  const [saved, setSaved] = useState(false);

  const load = useCallback(async () => {
    try {
      const [answer, list] = await Promise.all([
        client.send('settings/get', {}),
        client.send('dismiss/list', {}),
      ]);
      setSettings(answer);
      setDismissals(list);
      setRegistryUrl(answer.user.registryUrl ?? '');
    } catch {
      setFailed(true);
    }
  }, [client]);

  useEffect(() => {
    void load();
  }, [load]);

  const managed = (key: PolicyKey) => settings?.effective.managed.includes(key) ?? false;

  const save = async (change: UserSettings) => {
    setSaved(false);
    try {
      const answer: { ok: boolean } = await client.send('settings/set', change);
      if (!answer.ok) {
        // The background refuses what it cannot accept (e.g. a registry URL it judges unsafe).
        if (change.registryUrl !== undefined) setUrlError(true);
        return;
      }
      setSaved(true);
      await load();
    } catch {
      setFailed(true);
    }
  };

  const saveRegistryUrl = (event: Event) => {
    event.preventDefault();
    const text = registryUrl.trim();
    if (text !== '' && !checkRegistryUrl(text).ok) {
      setUrlError(true);
      return;
    }
    setUrlError(false);
    void save({ registryUrl: text });
  };

  const undo = async (host: string) => {
    try {
      await client.send('dismiss/remove', { host });
      setDismissals(await client.send('dismiss/list', {}));
    } catch {
      setFailed(true);
    }
  };

  const urlManaged = managed('registryUrl');
  const detectManaged = managed('detectUnregistered');
  const language = settings?.user.language ?? 'auto';

  return (
    <main class="page options">
      <h1>{t('options_title')}</h1>
      {failed && (
        <p class="error" role="alert">
          {t('error_no_answer')}
        </p>
      )}
      <p aria-live="polite" class="muted">
        {saved ? t('options_saved') : ''}
      </p>
      {settings && (
        <>
          <section aria-labelledby="qorgan-registry-heading">
            <h2 id="qorgan-registry-heading">{t('options_registry_heading')}</h2>
            <form onSubmit={saveRegistryUrl} class="stack">
              <label for="qorgan-registry-url">{t('options_registry_url')}</label>
              <input
                id="qorgan-registry-url"
                type="url"
                value={urlManaged ? (settings.effective.registryUrl ?? '') : registryUrl}
                disabled={urlManaged}
                aria-invalid={urlError}
                aria-describedby={`qorgan-registry-url-hint${urlManaged ? ' qorgan-registry-url-managed' : ''}${urlError ? ' qorgan-registry-url-error' : ''}`}
                onInput={(event) => setRegistryUrl(event.currentTarget.value)}
              />
              <p id="qorgan-registry-url-hint" class="hint">
                {t('options_registry_url_hint')}
              </p>
              {urlManaged && <Managed id="qorgan-registry-url-managed" />}
              {urlError && (
                <p id="qorgan-registry-url-error" class="error">
                  {t('options_registry_url_invalid')}
                </p>
              )}
              <p>
                <button type="submit" disabled={urlManaged}>
                  {t('action_save')}
                </button>
              </p>
            </form>
          </section>
          <section aria-labelledby="qorgan-detection-heading">
            <h2 id="qorgan-detection-heading">{t('options_detection_heading')}</h2>
            <p class="check">
              <input
                id="qorgan-detect"
                type="checkbox"
                checked={settings.effective.detectUnregistered}
                disabled={detectManaged}
                aria-describedby={detectManaged ? 'qorgan-detect-managed' : undefined}
                onChange={(event) => void save({ detectUnregistered: event.currentTarget.checked })}
              />
              <label for="qorgan-detect">{t('options_detect')}</label>
            </p>
            {detectManaged && <Managed id="qorgan-detect-managed" />}
            <p class="stack">
              <label for="qorgan-language">{t('options_language')}</label>
              <select
                id="qorgan-language"
                value={language}
                onChange={(event) => {
                  const choice = event.currentTarget.value as UiLanguage;
                  onLanguageChange(choice);
                  void save({ language: choice });
                }}
              >
                {LANGUAGE_CHOICES.map((choice) => (
                  <option key={choice} value={choice}>
                    {t(choice === 'auto' ? 'options_language_auto' : `language_${choice}`)}
                  </option>
                ))}
              </select>
            </p>
          </section>
          <section aria-labelledby="qorgan-dismissed-heading" data-testid="dismissed-sites">
            <h2 id="qorgan-dismissed-heading">{t('options_dismissed_heading')}</h2>
            {dismissals && dismissals.length === 0 && <p class="muted">{t('options_dismissed_none')}</p>}
            {dismissals && dismissals.length > 0 && (
              <ul class="list">
                {dismissals.map(({ host, until }) => (
                  <li key={host} data-host={host}>
                    <span class="host">{host}</span>{' '}
                    <span class="muted">
                      {t('options_dismissed_until', { date: i18n.format.dateTime(until) })}
                    </span>{' '}
                    <button
                      type="button"
                      aria-label={t('action_undo_for', { host })}
                      onClick={() => void undo(host)}
                    >
                      {t('action_undo')}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="qorgan-policy-heading" data-testid="policy-problems">
            <h2 id="qorgan-policy-heading">{t('options_policy_heading')}</h2>
            {settings.problems.length === 0 ? (
              <p class="muted">{t('options_policy_none')}</p>
            ) : (
              <ul class="list">
                {settings.problems.map((problem, index) => (
                  <li key={index}>{describePolicyProblem(problem, i18n)}</li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </main>
  );
}

function Managed({ id }: { id: string }) {
  const { t } = useI18n();
  return (
    <p id={id} class="managed">
      {t('options_managed')}
    </p>
  );
}
