import { render } from 'preact';
import '../../components/page.css';
import { BlockedPage } from '../../components/blocked/BlockedPage';
import { createI18nValue, I18nProvider } from '../../components/i18n';
import { createRuntimeClient } from '../../components/messaging';
import { labelDocument, pageLanguage } from '../../components/page-language';

async function start(root: HTMLElement): Promise<void> {
  const client = createRuntimeClient();
  const language = await pageLanguage(client);
  labelDocument(document, language, createI18nValue(language).t('blocked_title'));
  render(
    <I18nProvider language={language}>
      <BlockedPage
        client={client}
        url={new URLSearchParams(location.search).get('url')}
        onGoBack={() => {
          if (history.length > 1) history.back();
          else location.href = 'about:blank';
        }}
        navigate={(url) => location.assign(url)}
      />
    </I18nProvider>,
    root,
  );
}

const root = document.getElementById('app');
if (root) void start(root);
