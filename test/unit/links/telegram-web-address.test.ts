import { describe, expect, it } from 'vitest';
import { addressToJudge } from '../../../lib/links/address-to-judge';
import { telegramWebTarget } from '../../../lib/links/telegram-web-address';

describe('telegramWebTarget', () => {
  it('reads the chat of the K and A clients and of tgaddr addresses', () => {
    const bot = 'https://t.me/obmen_kzt_bot';
    expect(telegramWebTarget('https://web.telegram.org/k/#@obmen_kzt_bot')).toBe(bot);
    expect(telegramWebTarget('https://web.telegram.org/a/#@Obmen_KZT_bot')).toBe(bot);
    expect(telegramWebTarget('https://web.telegram.org/#@obmen_kzt_bot')).toBe(bot);
    expect(telegramWebTarget('https://web.telegram.org/a/#@obmen_kzt_bot/123')).toBe(bot);
    expect(
      telegramWebTarget(
        `https://web.telegram.org/k/#?tgaddr=${encodeURIComponent('tg://resolve?domain=obmen_kzt_bot&start=r1')}`,
      ),
    ).toBe(bot);
    expect(telegramWebTarget('https://web.telegram.org/a/#?tgaddr=tg://resolve?domain=obmen_kzt_bot')).toBe(
      bot,
    );
  });

  it('gives nothing for an ordinary chat, another host, or a broken address', () => {
    for (const url of [
      'https://web.telegram.org/k/#-1001234567890',
      'https://web.telegram.org/a/#777000',
      'https://web.telegram.org/k/',
      'https://web.telegram.org/k/#@',
      'https://web.telegram.org/k/#?tgaddr=%E0%A4%A',
      'https://evil.example/k/#@obmen_kzt_bot',
      'https://web.telegram.org.evil.example/k/#@obmen_kzt_bot',
    ]) {
      expect(telegramWebTarget(url), url).toBeNull();
    }
  });

  it('reads only the start of a 10,000-character fragment', () => {
    expect(telegramWebTarget(`https://web.telegram.org/k/#-1${'9'.repeat(10_000)}`)).toBeNull();
    expect(telegramWebTarget(`https://web.telegram.org/k/#@obmen_kzt_bot?x=${'a'.repeat(10_000)}`)).toBe(
      'https://t.me/obmen_kzt_bot',
    );
    expect(
      telegramWebTarget(
        `https://web.telegram.org/k/#?${'a=1&'.repeat(2_500)}tgaddr=tg://resolve?domain=late_bot`,
      ),
    ).toBeNull();
  });
});

describe('addressToJudge', () => {
  it('turns a Telegram Web chat into its t.me address and leaves other addresses as they are', () => {
    expect(addressToJudge('https://web.telegram.org/k/#@obmen_kzt_bot')).toBe('https://t.me/obmen_kzt_bot');
    expect(addressToJudge('https://bybit.kz/')).toBe('https://bybit.kz/');
    expect(addressToJudge('bybit.kz')).toBe('bybit.kz');
  });
});
