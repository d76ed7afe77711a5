import { describe, expect, it } from 'vitest';
import { hostMatches } from '../../../lib/links/host-pattern';
import { markedSiteFor, markedSiteOfHost, navigationFilters } from '../../../lib/links/marked-site-for';
import { MARKED_SITES } from '../../../lib/links/marked-sites';
import { presentPage } from '../../../lib/verdict/present-page';
import { wantsDetection } from '../../../lib/verdict/wants-detection';

describe('the table of marked sites', () => {
  it('finds search pages and messengers, Google on every country domain', () => {
    const cases: [string, string][] = [
      ['https://www.google.com/search?q=usdt', 'Google'],
      ['https://www.google.kz/search?q=usdt', 'Google'],
      ['https://www.google.co.uk/search', 'Google'],
      ['https://www.google.com.kz/search', 'Google'],
      ['https://yandex.kz/search/?text=usdt', 'Yandex'],
      ['https://yandex.ru/search/', 'Yandex'],
      ['https://yandex.com/search/', 'Yandex'],
      ['https://ya.ru/search/', 'Yandex'],
      ['https://www.bing.com/search?q=1', 'Bing'],
      ['https://duckduckgo.com/?q=1', 'DuckDuckGo'],
      ['https://go.mail.ru/search?q=1', 'Mail.ru search'],
      ['https://web.telegram.org/k/', 'Telegram Web'],
      ['https://web.whatsapp.com/', 'WhatsApp Web'],
      ['https://vk.com/im', 'VK'],
    ];
    for (const [url, name] of cases) expect(markedSiteFor(url)?.name, url).toBe(name);
  });

  it('finds nothing elsewhere, nor on a host that only starts like one of them', () => {
    for (const url of [
      'https://bybit.kz/',
      'https://www.google.evil.com/',
      'https://www.google.com.evil.kz/',
      'https://mail.ru/',
      'https://telegram.org/',
      'javascript:alert(1)',
      'not a url',
      'https://www.google./',
    ]) {
      expect(markedSiteFor(url), url).toBeNull();
    }
  });

  it('makes navigation filters that cover every host pattern of the table', () => {
    const filters = navigationFilters();
    for (const pattern of MARKED_SITES.flatMap((site) => site.hosts)) {
      const covered = filters.some((filter) =>
        'hostEquals' in filter ? filter.hostEquals === pattern : pattern.startsWith(filter.hostPrefix),
      );
      expect(covered, pattern).toBe(true);
    }
    expect(filters).toContainEqual({ hostPrefix: 'www.google.' });
    expect(filters).toContainEqual({ hostEquals: 'web.telegram.org' });
  });

  it('matches a `.*` pattern to exactly one public suffix', () => {
    expect(hostMatches('google.kz', 'google.*')).toBe(true);
    expect(hostMatches('google.', 'google.*')).toBe(false);
    expect(hostMatches('google.kz.evil.com', 'google.*')).toBe(false);
    expect(hostMatches('vk.com', 'vk.com')).toBe(true);
  });
});

describe('the detector on the table’s sites', () => {
  it('does not read search results or messengers, which name exchangers without being one', () => {
    const unknown = (host: string) => ({
      verdict: 'unknown' as const,
      host,
      reason: { kind: 'none' as const },
    });
    const wanted = (host: string) => wantsDetection(unknown(host), true, (h) => markedSiteOfHost(h) !== null);
    expect(wanted('www.google.kz')).toBe(false);
    expect(wanted('web.telegram.org')).toBe(false);
    expect(wanted('obmen-usdt.kz')).toBe(true);
    expect(
      presentPage(
        {
          frame: 'top',
          own: { result: unknown('www.google.kz'), dismissed: false },
          isMarkedSite: () => true,
        },
        { blockMode: 'warn', allowBypass: true, detectUnregistered: true },
      ),
    ).toMatchObject({ show: 'nothing', detect: false });
  });
});
