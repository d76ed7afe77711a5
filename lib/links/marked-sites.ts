/**
 * The sites where Qorgan marks links: search result pages and web messengers,
 * where people choose where to go next. Each names the hosts its pages are
 * on and how it wraps the links it shows, so a wrapped link is judged by its
 * real target. Adding a site is adding a row here: the background's
 * navigation filters and the content code's checks are made from this table.
 */

/**
 * A host pattern: an exact host (`vk.com`), or a name followed by `.*`, which
 * stands for any public suffix (`www.google.*`: `www.google.com`,
 * `www.google.kz`, `www.google.co.uk`).
 */
export type HostPattern = string;

/** How a site wraps a link: the real target is in one of `params` of an address at `path`. */
export interface LinkWrapper {
  hosts: readonly HostPattern[];
  /** The wrapper's path, or its prefix when it ends with `/`. */
  path: string;
  /** Query parameters that may hold the real target, in order of preference. */
  params: readonly string[];
  /** How the parameter's value encodes the target (plain: percent-encoded, the URL API's job). */
  encoding?: 'plain' | 'bing-base64';
}

export interface MarkedSite {
  name: string;
  kind: 'search' | 'messenger';
  hosts: readonly HostPattern[];
  wrappers: readonly LinkWrapper[];
}

const GOOGLE: readonly HostPattern[] = ['www.google.*', 'google.*'];
const YANDEX: readonly HostPattern[] = ['yandex.*', 'www.yandex.*', 'ya.ru', 'www.ya.ru'];
const VK: readonly HostPattern[] = ['vk.com', 'm.vk.com', 'www.vk.com'];

export const MARKED_SITES: readonly MarkedSite[] = [
  {
    name: 'Google',
    kind: 'search',
    hosts: GOOGLE,
    wrappers: [
      { hosts: GOOGLE, path: '/url', params: ['q', 'url'] },
      { hosts: GOOGLE, path: '/aclk', params: ['adurl'] },
    ],
  },
  {
    name: 'Yandex',
    kind: 'search',
    hosts: YANDEX,
    wrappers: [{ hosts: YANDEX, path: '/clck/', params: ['url'] }],
  },
  {
    name: 'Bing',
    kind: 'search',
    hosts: ['www.bing.com', 'bing.com'],
    wrappers: [
      { hosts: ['www.bing.com', 'bing.com'], path: '/ck/a', params: ['u'], encoding: 'bing-base64' },
    ],
  },
  {
    name: 'DuckDuckGo',
    kind: 'search',
    hosts: ['duckduckgo.com', 'html.duckduckgo.com'],
    wrappers: [{ hosts: ['duckduckgo.com', 'html.duckduckgo.com'], path: '/l/', params: ['uddg'] }],
  },
  { name: 'Mail.ru search', kind: 'search', hosts: ['go.mail.ru'], wrappers: [] },
  { name: 'Telegram Web', kind: 'messenger', hosts: ['web.telegram.org'], wrappers: [] },
  { name: 'WhatsApp Web', kind: 'messenger', hosts: ['web.whatsapp.com'], wrappers: [] },
  {
    name: 'VK',
    kind: 'messenger',
    hosts: VK,
    wrappers: [{ hosts: VK, path: '/away.php', params: ['to'] }],
  },
];
