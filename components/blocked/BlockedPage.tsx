/**
 * The extension's own page shown instead of a blocked site when blockMode is `block`, and, in its
 * warning variant (`tampered`), instead of a site that would not let its banner be seen.
 */
import { useEffect, useState } from 'preact/hooks';
import type { PageContext } from '../../lib/messaging/protocol';
import { useI18n } from '../i18n';
import type { MessagingClient } from '../messaging';
import { addressParts } from '../../lib/url/address-parts';
import { safeWebUrl } from '../safe-url';
import { VerdictCard } from '../verdict/VerdictCard';
import type { VerdictSource } from '../verdict/describe-verdict';

export interface BlockedPageProps {
  client: MessagingClient;
  /** The blocked address from `?url=`, as given. */
  url: string | null;
  /** The site kept hiding its banner: the warning variant, whose Continue lasts this session only. */
  tampered?: boolean;
  /** With `tampered`: the browser could paint no banner in the site's document; it did not fight. */
  unpaintable?: boolean;
  onGoBack(): void;
  /** Navigates this tab to a web address (checked by `safeWebUrl`). */
  navigate(url: string): void;
  /** Called once the facts are known, e.g. to set the document's language. */
  onContext?(context: PageContext): void;
}

export function BlockedPage({
  client,
  url,
  tampered = false,
  unpaintable = false,
  onGoBack,
  navigate,
  onContext,
}: BlockedPageProps) {
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
      const host = context.result.host;
      await (tampered ? client.send('dismiss/session', { host }) : client.send('dismiss/add', { host }));
    } finally {
      navigate(target);
    }
  };

  return (
    <main class="page blocked">
      <h1>{t(blockedTitleKey(tampered, unpaintable))}</h1>
      {tampered && (
        <p data-testid="tampered-explain">{t(unpaintable ? 'unpaintable_explain' : 'tampered_explain')}</p>
      )}
      {!target && <p>{t('blocked_no_address')}</p>}
      {target && <Address address={target} label={t('blocked_address')} />}
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
            {t(tampered ? 'action_continue_session' : 'action_proceed')}
          </button>
        )}
      </p>
      {context &&
        (context.allowBypass ? (
          <p class="muted">{t(tampered ? 'tampered_continue_note' : 'blocked_proceed_note')}</p>
        ) : (
          <p>{t('blocked_bypass_disabled')}</p>
        ))}
    </main>
  );
}

/** The origin plainly, the rest of the address muted and cut short (lib/url/address-parts.ts). */
function Address({ address, label }: { address: string; label: string }) {
  const { origin, rest } = addressParts(address);
  return (
    <p class="address">
      <span class="muted">{label}: </span>
      <bdi class="origin">{origin}</bdi>
      <bdi class="muted path">{rest}</bdi>
    </p>
  );
}

/** The page's heading: blocked, a site that fought its banner, or a document that cannot show one. */
export function blockedTitleKey(tampered: boolean, unpaintable: boolean) {
  if (!tampered) return 'blocked_title';
  return unpaintable ? 'unpaintable_title' : 'tampered_title';
}
