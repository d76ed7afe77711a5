import { describe, expect, it } from 'vitest';
import { hostMatches } from '../../../lib/links/host-pattern';
import { linkTarget as linkTargetWith } from '../../../lib/links/link-target';

const linkTarget = (href: string) => linkTargetWith(href, hostMatches);

const enc = encodeURIComponent;

describe('linkTarget', () => {
  it('judges a plain link by its host and path, without query or fragment', () => {
    expect(linkTarget('https://Bybit.kz/en/trade?x=1#top')).toBe('https://bybit.kz/en/trade');
    expect(linkTarget('http://example.org./')).toBe('http://example.org/');
  });

  it("unwraps Google's /url?q= and /url?url= on any country domain, and its ads", () => {
    expect(linkTarget(`https://www.google.com/url?q=${enc('https://coinbase.com/buy?a=1')}&sa=U`)).toBe(
      'https://coinbase.com/buy',
    );
    expect(linkTarget(`https://www.google.kz/url?sa=t&url=${enc('https://okx.com/')}`)).toBe(
      'https://okx.com/',
    );
    expect(linkTarget(`https://www.google.co.uk/url?url=${enc('https://bybit.kz/')}`)).toBe(
      'https://bybit.kz/',
    );
    expect(linkTarget(`https://www.google.com.kz/aclk?sa=l&adurl=${enc('https://htx.com/')}`)).toBe(
      'https://htx.com/',
    );
  });

  it('leaves a look-alike of a wrapper host alone', () => {
    const fake = `https://www.google.evil.com/url?q=${enc('https://bybit.kz/')}`;
    expect(linkTarget(fake)).toBe('https://www.google.evil.com/url');
  });

  it("unwraps Yandex's click addresses on yandex.kz, yandex.ru, yandex.com and ya.ru", () => {
    for (const host of ['yandex.kz', 'yandex.ru', 'yandex.com', 'ya.ru']) {
      expect(linkTarget(`https://${host}/clck/jsredir?from=x&url=${enc('https://okx.com/kz')}&uuid=`)).toBe(
        'https://okx.com/kz',
      );
    }
  });

  it("unwraps Bing's, DuckDuckGo's and VK's wrappers", () => {
    const bing = `a1${Buffer.from('https://bitget.com/ru').toString('base64url')}`;
    expect(linkTarget(`https://www.bing.com/ck/a?!&&p=abc&u=${bing}&ntb=1`)).toBe('https://bitget.com/ru');
    expect(linkTarget(`https://duckduckgo.com/l/?uddg=${enc('https://okx.com/')}&rut=1`)).toBe(
      'https://okx.com/',
    );
    expect(linkTarget(`https://vk.com/away.php?to=${enc('https://coinbase.com')}&cc_key=`)).toBe(
      'https://coinbase.com/',
    );
  });

  it('unwraps a wrapper inside a wrapper', () => {
    const inner = `https://vk.com/away.php?to=${enc('https://coinbase.com/x')}`;
    expect(linkTarget(`https://www.google.com/url?q=${enc(inner)}`)).toBe('https://coinbase.com/x');
  });

  it('judges Telegram links as t.me pages', () => {
    expect(linkTarget('https://t.me/Obmen_KZT_bot?start=1')).toBe('https://t.me/Obmen_KZT_bot');
    expect(linkTarget('https://telegram.me/obmen_kzt_bot')).toBe('https://t.me/obmen_kzt_bot');
    expect(linkTarget('tg://resolve?domain=obmen_kzt_bot&start=x')).toBe('https://t.me/obmen_kzt_bot');
    expect(linkTarget('https://web.telegram.org/k/#@obmen_kzt_bot')).toBe('https://t.me/obmen_kzt_bot');
  });

  it('gives nothing for links that are not web links or do not parse', () => {
    for (const href of [
      'javascript:alert(1)',
      'data:text/html,<a>',
      'mailto:a@b.kz',
      '/relative/path',
      '?q=1',
      'https://exa mple.com/',
      'http://[::1',
      'https://',
      '',
      'tg://msg?text=hi',
      'https://x.kz/' + 'a'.repeat(10_000),
    ]) {
      expect(linkTarget(href), href).toBeNull();
    }
  });

  it('judges a wrapper without a usable target as itself', () => {
    expect(linkTarget('https://www.google.com/url?q=javascript:alert(1)')).toBe('https://www.google.com/url');
    expect(linkTarget('https://www.bing.com/ck/a?u=a1!!!')).toBe('https://www.bing.com/ck/a');
  });
});
