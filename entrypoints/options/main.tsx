import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../components/page.css';
import { createI18nValue, I18nProvider } from '../../components/i18n';
import { createRuntimeClient } from '../../components/messaging';
import { labelDocument, pageLanguage } from '../../components/page-language';
import { Options } from '../../components/options/Options';
import { resolveLanguage, type Language } from '../../lib/i18n/language';
import type { UiLanguage } from '../../lib/messaging/protocol';

async function start(root: HTMLElement): Promise<void> {
  const client = createRuntimeClient();
  const show = (language: Language) => {
    labelDocument(document, language, createI18nValue(language).t('options_title'));
    render(
      <I18nProvider language={language}>
        <Options
          client={client}
          onLanguageChange={(choice: UiLanguage) =>
            show(resolveLanguage(choice, browser.i18n.getUILanguage()))
          }
        />
      </I18nProvider>,
      root,
    );
  };
  show(await pageLanguage(client));
}

const root = document.getElementById('app');
if (root) void start(root);
