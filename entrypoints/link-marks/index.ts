/**
 * The link marks: injected by the background into pages of the search
 * engines and web messengers of lib/links/marked-sites.ts, and nowhere else
 * (background/link-marks.ts). An unlisted script, like the page script, so it
 * carries neither the webextension-polyfill nor WXT's content-script context.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { guardBlockedClicks } from '../../components/links/guard-blocked-clicks';
import { startLinkMarker } from '../../components/links/link-marker';
import type { I18n } from '../../components/i18n';
import { describeVerdict } from '../../components/verdict/describe-verdict';
import { CATALOGS } from '../../lib/i18n/catalogs';
import { createFormatters } from '../../lib/i18n/format';
import { resolveLanguage } from '../../lib/i18n/language';
import { createTranslator } from '../../lib/i18n/translate';
import type { LinkVerdicts } from '../../lib/messaging/protocol';
import { createMessagingClient } from '../../lib/messaging/runtime-client';

/** Set on the isolated world once the marks run, so a second injection changes nothing. */
const LINK_MARKS_GLOBAL = '__qorganLinkMarks';

interface ExtensionNamespace {
  runtime: { id?: string; sendMessage(message: unknown): Promise<unknown> };
  i18n: { getUILanguage(): string };
}

export default defineUnlistedScript(() => {
  const world = globalThis as Record<string, unknown>;
  if (world[LINK_MARKS_GLOBAL] === true) return;
  world[LINK_MARKS_GLOBAL] = true;
  // Firefox names it `browser`, Chrome `chrome`; both return promises from `sendMessage`.
  const scope = globalThis as { browser?: ExtensionNamespace; chrome?: ExtensionNamespace };
  const api = scope.browser ?? scope.chrome;
  if (api?.runtime?.id === undefined) return;
  const { runtime } = api;
  const client = createMessagingClient((message) => runtime.sendMessage(message));
  let i18n: I18n | undefined;
  const i18nFor = (answer: LinkVerdicts): I18n => {
    const language = resolveLanguage(answer.language, api.i18n.getUILanguage());
    // Not components/i18n.tsx's createI18nValue, which would bring Preact into every results page.
    if (i18n?.language !== language)
      i18n = { ...createTranslator(CATALOGS, language), format: createFormatters(language) };
    return i18n;
  };
  const marker = startLinkMarker({
    doc: document,
    win: window,
    now: () => performance.now(),
    send: (targets) => client.send('links/verdicts', { targets }),
    describe: (result, answer) => {
      const words = i18nFor(answer);
      const sentence = describeVerdict(result, null, null, words).headline;
      return { sentence, label: words.t('link_mark_label', { sentence }) };
    },
  });
  guardBlockedClicks({
    doc: document,
    marker,
    texts: (result, answer) => {
      const words = i18nFor(answer);
      return {
        title: words.t('link_ask_title'),
        sentence: describeVerdict(result, null, null, words).headline,
        goBack: words.t('action_go_back'),
        proceed: words.t('action_proceed'),
      };
    },
    open: (href, newTab) => {
      if (newTab) window.open(href, '_blank', 'noopener');
      else window.location.assign(href);
    },
  });
});
