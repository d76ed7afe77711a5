/** "Domain or address": answers as the person types, for any domain or pasted URL. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Requests } from '../../lib/messaging/protocol';
import { useI18n } from '../i18n';
import type { MessagingClient } from '../messaging';
import { VerdictCard } from '../verdict/VerdictCard';
import type { VerdictSource } from '../verdict/describe-verdict';

export const LOOKUP_DEBOUNCE_MS = 250;

type LookupAnswer = Requests['lookup']['res'];

export interface LookupFieldProps {
  client: MessagingClient;
  initialQuery?: string;
  sources: readonly VerdictSource[];
  registryIssuedAt: string | null;
}

type State =
  { kind: 'empty' } | { kind: 'checking' } | { kind: 'answered'; answer: LookupAnswer } | { kind: 'failed' };

export function LookupField({ client, initialQuery = '', sources, registryIssuedAt }: LookupFieldProps) {
  const { t } = useI18n();
  const [query, setQuery] = useState(initialQuery);
  const [state, setState] = useState<State>({ kind: 'empty' });
  const latest = useRef(0);
  const firstRun = useRef(true);

  useEffect(() => {
    const request = ++latest.current;
    const text = query.trim();
    if (text === '') {
      setState({ kind: 'empty' });
      return;
    }
    setState({ kind: 'checking' });
    const delay = firstRun.current ? 0 : LOOKUP_DEBOUNCE_MS;
    firstRun.current = false;
    const timer = setTimeout(() => {
      client.send('lookup', { query: text }).then(
        (answer) => {
          if (request === latest.current) setState({ kind: 'answered', answer });
        },
        () => {
          if (request === latest.current) setState({ kind: 'failed' });
        },
      );
    }, delay);
    return () => clearTimeout(timer);
  }, [query, client]);

  return (
    <div class="lookup">
      <label for="qorgan-lookup">{t('popup_lookup_label')}</label>
      <input
        id="qorgan-lookup"
        type="text"
        inputMode="url"
        autoComplete="off"
        autoCapitalize="off"
        spellcheck={false}
        aria-describedby="qorgan-lookup-hint"
        value={query}
        onInput={(event) => setQuery(event.currentTarget.value)}
      />
      <p id="qorgan-lookup-hint" class="hint">
        {t('popup_lookup_hint')}
      </p>
      <div class="lookup-answer" aria-live="polite">
        {state.kind === 'checking' && <p class="muted">{t('popup_lookup_checking')}</p>}
        {state.kind === 'failed' && <p class="error">{t('error_no_answer')}</p>}
        {state.kind === 'answered' &&
          (state.answer.result ? (
            <VerdictCard
              result={state.answer.result}
              sources={sources}
              registryIssuedAt={registryIssuedAt}
              testId="lookup-result"
              headingLevel={3}
            />
          ) : (
            <div class="verdict" data-testid="lookup-result" data-verdict="unknown">
              <p>{t('popup_lookup_invalid')}</p>
            </div>
          ))}
      </div>
    </div>
  );
}
