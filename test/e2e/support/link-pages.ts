/**
 * Results pages for the link marks' bad-input tests, served on a search
 * engine's real host name: one with thousands of links, and one that
 * rewrites its links every 10 ms.
 */
import type { FixtureServer } from './fixture-server';

const page = (body: string) =>
  `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>USDT</title></head><body>${body}</body></html>`;

function serve(server: FixtureServer, key: string, html: string): void {
  server.route(key, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
  });
}

/**
 * `https://www.google.com/many`: `count` wrapped links to `distinct` different hosts, every
 * `blockedEvery`-th of them to the blocked coinbase.com.
 */
export function serveManyLinks(server: FixtureServer, count: number, distinct: number, blockedEvery: number) {
  const links: string[] = [];
  for (let i = 0; i < count; i++) {
    const target =
      (i + 1) % blockedEvery === 0 ? 'https://coinbase.com/' : `https://site-${i % distinct}.example.org/`;
    links.push(`<p><a id="l${i}" href="/url?q=${encodeURIComponent(target)}">${i}</a></p>`);
  }
  serve(server, 'www.google.com/many', page(links.join('')));
  return 'https://www.google.com/many';
}

/** `https://www.google.com/rewriting`: ten links whose targets change every 10 ms, each time to new hosts. */
export function serveRewritingLinks(server: FixtureServer) {
  const script = `
    let round = 0;
    const links = Array.from({ length: 10 }, (_, i) => {
      const a = document.createElement('a');
      a.id = 'r' + i;
      a.textContent = 'result ' + i;
      document.body.append(a, document.createElement('br'));
      return a;
    });
    setInterval(() => {
      round++;
      links.forEach((a, i) => { a.href = '/url?q=' + encodeURIComponent('https://r' + round + '-' + i + '.example.org/'); });
    }, 10);`;
  serve(server, 'www.google.com/rewriting', page(`<script>${script}</script>`));
  return 'https://www.google.com/rewriting';
}

/** Runs in the page: the verdict of the `<qorgan-mark>` right after each link with an id, the marks and the questions. */
export function readLinkMarks(): {
  byLink: Record<string, string | null>;
  marks: number;
  asks: number;
  markedLinks: number;
} {
  const byLink: Record<string, string | null> = {};
  let markedLinks = 0;
  for (const anchor of Array.from(document.querySelectorAll('a[id]'))) {
    const next = anchor.nextElementSibling;
    const verdict = next?.localName === 'qorgan-mark' ? next.getAttribute('data-verdict') : null;
    byLink[anchor.id] = verdict;
    if (verdict !== null) markedLinks++;
  }
  return {
    byLink,
    marks: document.getElementsByTagName('qorgan-mark').length,
    asks: document.querySelectorAll('div[data-qorgan-ask]').length,
    markedLinks,
  };
}

/** What the results pages' links must carry: a mark for each listed verdict, none for the rest. */
export const EXPECTED_MARKS = {
  licensed: 'licensed',
  blocked: 'blocked',
  warned: 'warning',
  lookalike: 'lookalike',
  ordinary: null,
} as const;

/**
 * In the page's own world, before its first byte: counts the replacements of the page's history
 * entry, each one a question the link marks ask from the page's own world.
 */
export function countHistoryReplacements(): void {
  const scope = window as unknown as { historyReplacements: number };
  scope.historyReplacements = 0;
  const original = History.prototype.replaceState;
  History.prototype.replaceState = function (this: History, ...args: Parameters<History['replaceState']>) {
    scope.historyReplacements++;
    original.apply(this, args);
  };
}

/** Runs in the page: how many questions countHistoryReplacements has seen. */
export function readHistoryReplacements(): number {
  return (window as unknown as { historyReplacements?: number }).historyReplacements ?? 0;
}

/** The addresses addLaterLinks adds on a results page (wrapped, as Google shows them) and on a messenger. */
export const LATER_LINKS = {
  results: {
    blocked: `/url?q=${encodeURIComponent('https://coinbase.com/later')}`,
    ordinary: `/url?q=${encodeURIComponent('https://ordinary-later.example.org/')}`,
  },
  messenger: { blocked: 'https://coinbase.com/later', ordinary: 'https://ordinary-later.example.org/' },
} as const;

/** Runs in the page: adds two links after the first ones, as infinite scroll or a new message does. */
export function addLaterLinks(hrefs: { blocked: string; ordinary: string }): void {
  const paragraph = (id: string, href: string) => {
    const p = document.createElement('p');
    const a = document.createElement('a');
    a.id = id;
    a.href = href;
    a.textContent = id;
    p.append(a);
    return p;
  };
  const block = document.createElement('div');
  block.append(paragraph('later-blocked', hrefs.blocked), paragraph('later-ordinary', hrefs.ordinary));
  document.body.append(block);
}
