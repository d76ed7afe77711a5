import { render } from 'preact';
import '../../components/page.css';
import { BlockedPage, blockedTitleKey } from '../../components/blocked/BlockedPage';
import { createI18nValue, I18nProvider } from '../../components/i18n';
import { createRuntimeClient } from '../../components/messaging';
import { labelDocument, pageLanguage } from '../../components/page-language';

async function start(root: HTMLElement): Promise<void> {
  const client = createRuntimeClient();
  const params = new URLSearchParams(location.search);
  // The warning variant: the site's own verdict replaces "blocked" once it is known.
  const tampered = params.get('tampered') === '1';
  const unpaintable = tampered && params.get('cause') === 'unpaintable';
  const html = document.documentElement;
  if (tampered) {
    html.setAttribute('data-tampered', 'true');
    html.setAttribute('data-verdict', params.get('verdict') ?? '');
  }
  const language = await pageLanguage(client);
  labelDocument(document, language, createI18nValue(language).t(blockedTitleKey(tampered, unpaintable)));
  render(
    <I18nProvider language={language}>
      <BlockedPage
        client={client}
        url={params.get('url')}
        tampered={tampered}
        unpaintable={unpaintable}
        onContext={(context) => {
          if (tampered) html.setAttribute('data-verdict', context.result.verdict);
        }}
        onGoBack={() => {
          // The background leaves the blocked site, past any entries it pushed; one step back if it cannot answer.
          client.send('tab/leave-site', {}).catch(() => history.back());
        }}
        navigate={(url) => location.assign(url)}
      />
    </I18nProvider>,
    root,
  );
}

const root = document.getElementById('app');
if (root) void start(root);
