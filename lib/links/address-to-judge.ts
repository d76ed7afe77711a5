import { telegramWebTarget } from './telegram-web-address';

/**
 * The address whose verdict a page or a lookup gets. Nearly always the address itself; a
 * Telegram Web address that opens a chat is judged as that chat's `t.me` address.
 */
export function addressToJudge(url: string): string {
  return telegramWebTarget(url) ?? url;
}
