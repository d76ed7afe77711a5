import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  collectPageSample,
  scorePage,
  UNREGISTERED_THRESHOLD,
  type PageSample,
} from '../../../lib/detect/unregistered';

function sampleOf(html: string, maxChars = 5000): PageSample {
  return collectPageSample(parseHTML(html).document, { maxChars });
}

const EXCHANGER = `<!doctype html><html lang="ru"><head><title>Обмен USDT на тенге</title></head><body>
<h1>Купить USDT за тенге</h1><p>Курс: 1 USDT = 512 ₸. Оплата Kaspi.</p>
<form><input name="amountGive" placeholder="Отдаете"><select><option>USDT TRC20</option><option>BTC</option></select>
<input name="walletAddress" placeholder="Адрес кошелька TRC20"><button>Обменять</button></form></body></html>`;

describe('collectPageSample', () => {
  it('reads text within its budget and skips scripts and styles', () => {
    const s = sampleOf(
      `<html><head><style>.a{}</style></head><body><script>var secret = 1</script><p>${'слово '.repeat(500)}</p></body></html>`,
      100,
    );
    expect(s.text.length).toBeLessThanOrEqual(100);
    expect(s.text).not.toContain('secret');
    expect(s.text).toContain('слово');
  });

  it('reads metadata, headings, fields, options, buttons and rows', () => {
    const s = sampleOf(`<html lang="KK"><head><title> Т </title><meta name="description" content="D">
      <meta property="og:type" content="Article"><script type="application/ld+json">{"@type":"NewsArticle"}</script></head>
      <body><h1>H</h1><label for="w">Әмиян</label><input id="w" name="walletAddress"><input type="hidden" name="csrf">
      <select><option value="usdt">USDT</option></select><button>Go</button><input type="submit" value="Send">
      <table><tr><td>USDT</td><td>512</td></tr></table><div role="row">BTC 1</div><article><time>t</time></article>
      <form></form><p hidden>invisible</p></body></html>`);
    expect(s).toMatchObject({
      lang: 'kk',
      title: 'Т',
      description: 'D',
      ogType: 'article',
      ldTypes: ['NewsArticle'],
      headings: ['H'],
      options: ['USDT usdt'],
      buttons: ['Go', 'Send'],
      tableRows: ['USDT | 512', 'BTC 1'],
      formCount: 1,
      articleCount: 1,
      timeCount: 1,
    });
    expect(s.fields).toEqual([
      { type: 'text', hint: 'wallet address w әмиян' },
      { type: 'select', hint: '' },
    ]);
    expect(s.text).not.toContain('invisible');
  });

  it('stops after its node budget on a huge page', () => {
    const html = `<html><body>${'<div><input name="x"></div>'.repeat(5000)}</body></html>`;
    const s = collectPageSample(parseHTML(html).document, { maxChars: 100, maxNodes: 500 });
    expect(s.fields.length).toBeLessThanOrEqual(40);
  });
});

describe('scorePage', () => {
  it('scores an exchanger above the threshold', () => {
    const { score, signals } = scorePage(sampleOf(EXCHANGER), 'obmen-usdt.kz');
    expect(score).toBeGreaterThanOrEqual(UNREGISTERED_THRESHOLD);
    expect(signals.some((s) => s.startsWith('wallet-field'))).toBe(true);
  });

  it('keeps a news article about exchangers below it', () => {
    const html = `<html><head><title>АФМ закрыла обменники USDT</title><meta property="og:type" content="article"></head>
      <body><article><h1>АФМ закрыла обменники USDT</h1><time>1 мая</time><p>Обменники предлагали купить USDT за тенге через Kaspi,
      по данным АФМ, незаконно и без лицензии.</p></article></body></html>`;
    expect(scorePage(sampleOf(html), 'news.example.kz').score).toBeLessThan(UNREGISTERED_THRESHOLD);
  });

  it('keeps a bank’s fiat exchange page below it', () => {
    const html = `<html><body><h1>Курсы валют</h1><table><tr><td>USD</td><td>503</td></tr><tr><td>EUR</td><td>545</td></tr>
      <tr><td>RUB</td><td>5,1</td></tr></table><form><label>Отдаете <input name="give"></label><button>Обменять</button></form>
      <p>Выгодный курс обмена на карту.</p></body></html>`;
    expect(scorePage(sampleOf(html), 'bank.example.kz').score).toBeLessThan(UNREGISTERED_THRESHOLD);
  });

  it('does not reach the threshold on the host name alone', () => {
    const empty = sampleOf('<html><body><p>Hello</p></body></html>');
    expect(scorePage(empty, 'crypto-obmen-usdt.kz').score).toBeLessThan(UNREGISTERED_THRESHOLD);
  });
});
