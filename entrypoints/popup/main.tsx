import { render } from 'preact';
import '../../components/page.css';
import { I18nProvider } from '../../components/i18n';
import { createRuntimeClient } from '../../components/messaging';
import { labelDocument, pageLanguage } from '../../components/page-language';
import { Popup } from '../../components/popup/Popup';

async function start(root: HTMLElement): Promise<void> {
  const client = createRuntimeClient();
  const language = await pageLanguage(client);
  labelDocument(document, language, 'Qorgan');
  const initialUrl = new URLSearchParams(location.search).get('url');
  render(
    <I18nProvider language={language}>
      <Popup client={client} initialUrl={initialUrl} optionsHref="/options.html" />
    </I18nProvider>,
    root,
  );
}

const root = document.getElementById('app');
if (root) void start(root);
