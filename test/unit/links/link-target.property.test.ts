import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostMatches } from '../../../lib/links/host-pattern';
import { linkTarget as linkTargetWith } from '../../../lib/links/link-target';

const linkTarget = (href: string) => linkTargetWith(href, hostMatches);
import { telegramWebTarget } from '../../../lib/links/telegram-web-address';

const webUrl = fc.webUrl({ withQueryParameters: true, withFragments: true });

describe('linkTarget on generated input', () => {
  it('never throws, and gives null or a web address without query or fragment', () => {
    const anyText = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ minLength: 9_990, maxLength: 10_010 }),
      webUrl,
      fc.constantFrom('javascript:', 'data:', 'tg:', 'https://www.google.com/url?q=', '//', '#@'),
    );
    fc.assert(
      fc.property(fc.array(anyText, { maxLength: 3 }), (parts) => {
        const result = linkTarget(parts.join(''));
        if (result !== null) {
          expect(result).toMatch(/^https?:\/\/[^/?#]+\/[^?#]*$/);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('finds a web link wrapped by Google, Yandex, DuckDuckGo or VK', () => {
    const wrap = fc.constantFrom(
      (u: string) => `https://www.google.com/url?q=${encodeURIComponent(u)}`,
      (u: string) => `https://yandex.kz/clck/jsredir?url=${encodeURIComponent(u)}`,
      (u: string) => `https://duckduckgo.com/l/?uddg=${encodeURIComponent(u)}`,
      (u: string) => `https://vk.com/away.php?to=${encodeURIComponent(u)}`,
    );
    fc.assert(
      fc.property(webUrl, wrap, (url, wrapper) => {
        const direct = linkTarget(url);
        fc.pre(
          direct !== null && !/^https?:\/\/(www\.)?(t\.me|telegram\.me|web\.telegram\.org)\//.test(direct),
        );
        expect(linkTarget(wrapper(url))).toBe(direct);
      }),
      { numRuns: 300 },
    );
  });

  it('reads a Telegram Web address of any length without throwing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12_000 }), (fragment) => {
        const target = telegramWebTarget(`https://web.telegram.org/k/#${fragment}`);
        if (target !== null) expect(target).toMatch(/^https:\/\/t\.me\/[a-z][a-z0-9_]{2,31}$/);
      }),
      { numRuns: 200 },
    );
  });
});
