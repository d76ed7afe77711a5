/**
 * Telegram Web opens a chat with a bot or channel at an address of its own
 * (`web.telegram.org/k/#@name`, `/a/#@name`, `#?tgaddr=tg://resolve?domain=name`),
 * where no page of `t.me/name` ever loads. Such an address is judged as
 * `t.me/name`, so the registry's entry for the bot reaches the chat.
 */

const TELEGRAM_WEB = /^https?:\/\/web\.telegram\.org(?::\d+)?\//i;
/** A Telegram public username: a letter, then letters, digits and underscores. */
const NAME = '([A-Za-z][A-Za-z0-9_]{2,31})(?![A-Za-z0-9_])';
const AT_NAME = new RegExp(`^@${NAME}`);
const RESOLVE_DOMAIN = new RegExp(`^tg:(?://)?resolve\\?(?:[^#]*&)?domain=${NAME}`, 'i');
const T_ME_NAME = new RegExp(`^(?:https?://)?(?:www\\.)?(?:t\\.me|telegram\\.me)/${NAME}`, 'i');
/** A name is at the start of the fragment; a longer fragment (a page can make one) is not read past this. */
const FRAGMENT_READ = 1024;

/** `https://t.me/<name>` for a Telegram Web address that opens the chat `name`, else null. Never throws. */
export function telegramWebTarget(url: string): string | null {
  if (!TELEGRAM_WEB.test(url)) return null;
  const hash = url.indexOf('#');
  if (hash < 0) return null;
  const fragment = url.slice(hash + 1, hash + 1 + FRAGMENT_READ);
  const name = AT_NAME.exec(fragment)?.[1] ?? nameFromTgaddr(fragment);
  return name ? `https://t.me/${name.toLowerCase()}` : null;
}

function nameFromTgaddr(fragment: string): string | null {
  const match = /^\?(?:[^#]*&)?tgaddr=([^&#]*)/.exec(fragment);
  if (!match) return null;
  let address: string;
  try {
    address = decodeURIComponent(match[1] ?? '');
  } catch {
    return null;
  }
  return telegramAddressName(address);
}

/** The chat name of a `tg://resolve?domain=name` or `t.me/name` address, else null. */
export function telegramAddressName(address: string): string | null {
  return RESOLVE_DOMAIN.exec(address)?.[1] ?? T_ME_NAME.exec(address)?.[1] ?? null;
}
