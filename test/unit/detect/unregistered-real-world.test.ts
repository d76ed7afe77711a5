import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  collectPageSample,
  glanceNamesCryptoAsset,
  readPageSample,
  scorePage,
  UNREGISTERED_THRESHOLD,
  type PageSample,
} from '../../../lib/detect/unregistered';
import { LISTED_ASSETS } from '../../../lib/detect/unregistered/crypto-assets.generated';
import { isDirectionTitle, pathNamesDirection } from '../../../lib/detect/unregistered/exchange-direction';
import { listedAssetMentions } from '../../../lib/detect/unregistered/listed-assets';
import { reflectedWords, stripReflected } from '../../../lib/detect/unregistered/strip-reflected';

function sampleOf(html: string): PageSample {
  return collectPageSample(parseHTML(html).document, { maxChars: 8_000 });
}

describe('listed crypto-assets', () => {
  it('come from a generated list of at least 300 assets, without fiat money', () => {
    expect(LISTED_ASSETS.length).toBeGreaterThanOrEqual(300);
    const tickers = LISTED_ASSETS.map(([ticker]) => ticker);
    expect(tickers).toContain('XMR');
    expect(tickers).not.toContain('EUR');
    expect(tickers).not.toContain('RUB');
  });

  it('count a name alone, and a ticker only beside its name, a number or a pair sign', () => {
    const assets = (s: string) => listedAssetMentions(s).map((m) => m.asset);
    expect(assets('Обмен Monero XMR на РСХБ RUB')).toEqual(['monero', 'XMR']);
    expect(assets('1 DOT = 11.9 GEL')).toEqual(['DOT']);
    expect(assets('DOT → GEL')).toEqual(['DOT']);
    expect(assets('ONE DATA GAME: STATUS REPORT')).toEqual([]);
  });
});

describe('exchange directions', () => {
  it('are read in titles in Russian, Ukrainian, English and Kazakh', () => {
    for (const title of [
      'Обмен Bitcoin на Payeer USD',
      'Обмін Tether ERC20 USDT на Kaspi Bank KZT',
      'Exchange TRON TRX to Halyk Bank KZT — Obmify',
      'DOT → GEL алмасу',
      'USDT-ті теңгеге айырбастау',
    ])
      expect(isDirectionTitle(title), title).toBe(true);
  });

  it('need a crypto-asset on one side, and the title to be the direction', () => {
    expect(isDirectionTitle('Обмен валюты на рубли')).toBe(false);
    expect(isDirectionTitle('A guide on exchanging ETH for USDT')).toBe(false);
  });

  it('are read in addresses', () => {
    expect(pathNamesDirection('/exchange-btc_to_kzt')).toBe(true);
    expect(pathNamesDirection('/exchange-xmr-to-rshbrub2')).toBe(true);
    expect(pathNamesDirection('/go-to-top')).toBe(false);
    expect(pathNamesDirection('/%E0%A4%A')).toBe(false);
  });
});

describe('words reflected from the address', () => {
  const query = '?q=Обмен USDT на тенге: 1 USDT = 518 ₸ … перевод на Kaspi';

  it('are cut from the text: any run from the query, runs of two or more from the path', () => {
    const words = reflectedWords(`https://news.example.kz/search/usdt-kaspi${encodeURI(query)}`);
    expect(stripReflected('Поиск: Обмен USDT на тенге: 1 USDT = 518 ₸ — новости', words)).toBe(
      'Поиск:  ₸ — новости',
    );
    expect(stripReflected('usdt kaspi and usdt', { query: new Set(), path: words.path })).toBe(' and usdt');
  });

  it('do not decide a verdict, and never make a page memorable', () => {
    const html = `<html><head><title>Поиск: Обмен USDT на тенге: 1 USDT = 518 ₸ … перевод на Kaspi</title></head>
      <body><h1>Результаты: Обмен USDT на тенге: 1 USDT = 518 ₸ … перевод на Kaspi</h1>
      <p>По запросу «Обмен USDT на тенге: 1 USDT = 518 ₸ … перевод на Kaspi» ничего не найдено</p></body></html>`;
    const sample = sampleOf(html);
    expect(scorePage(sample, 'bank.example.kz').score).toBeGreaterThanOrEqual(UNREGISTERED_THRESHOLD);
    const judged = scorePage(sample, 'bank.example.kz', `https://bank.example.kz/search${encodeURI(query)}`);
    expect(judged.score).toBeLessThan(UNREGISTERED_THRESHOLD);
    expect(judged.memorable).toBe(false);
  });

  it('survive an address that is not one', () => {
    expect(reflectedWords('not a url')).toEqual({ query: new Set(), path: new Set() });
    expect(
      scorePage(sampleOf('<title>Обмен Monero XMR на Kaspi KZT</title>'), 'x.kz', '%%%').score,
    ).toBeGreaterThan(0);
  });
});

describe('an exchanger page as really written', () => {
  it('is flagged from its direction title and form, and may stand for its site', () => {
    const html = `<html><head><title>Обмен Monero XMR на РСХБ RUB</title></head><body><h1>Обмен Monero XMR на РСХБ RUB</h1>
      <label for="a">Отдаете</label><input id="a" name="sum1"><label for="w">Номер карты получателя</label><input id="w" name="account2">
      <p>Курс в заявке держится 20 минут. Нужно 10 подтверждений сети. Оператор обработает заявку после оплаты.</p>
      <button>Обменять</button></body></html>`;
    const result = scorePage(
      sampleOf(html),
      'lemonchik.cash',
      'https://lemonchik.cash/exchange-xmr-to-rshbrub2',
    );
    expect(result.score).toBeGreaterThanOrEqual(UNREGISTERED_THRESHOLD);
    expect(result.memorable).toBe(true);
  });
});

describe('bad input', () => {
  it('a page of 5 MB of one word is read within its budget and scores nothing', () => {
    const html = `<html><body><p>${'слово '.repeat(850_000)}</p></body></html>`;
    const { document } = parseHTML(html);
    expect(glanceNamesCryptoAsset(document)).toBe(false);
    const sample = collectPageSample(document, { maxChars: 8_000 });
    expect(sample.text.length).toBeLessThanOrEqual(8_000);
    expect(scorePage(sample, 'example.kz').score).toBe(0);
  });

  it('a page that repeats every ticker 10,000 times is scored once, within the sample bounds', () => {
    const tickers = LISTED_ASSETS.map(([ticker]) => `1 ${ticker}`).join(' ');
    const text = Array.from({ length: 10_000 }, () => tickers).join(' ');
    const sample = readPageSample({
      lang: 'en',
      title: tickers,
      description: '',
      ogType: '',
      ldTypes: [],
      headings: [tickers],
      text,
      fields: [],
      options: [],
      buttons: [],
      tableRows: [],
      formCount: 0,
      articleCount: 0,
      timeCount: 0,
    });
    if (sample === null) throw new Error('a well-formed sample was refused');
    expect(sample.text.length).toBeLessThanOrEqual(8_000);
    expect(Number.isFinite(scorePage(sample, 'example.kz', 'https://example.kz/').score)).toBe(true);
  });

  it('a sampler answer with huge or malformed fields is cut or refused', () => {
    const huge = 'BTC '.repeat(1_000_000);
    const cut = readPageSample({
      lang: huge,
      title: huge,
      description: huge,
      ogType: huge,
      ldTypes: Array(10_000).fill(huge),
      headings: Array(10_000).fill(huge),
      text: huge,
      fields: Array(10_000).fill({ type: huge, hint: huge }),
      options: Array(10_000).fill(huge),
      buttons: [],
      tableRows: Array(10_000).fill(huge),
      formCount: 1e12,
      articleCount: 0,
      timeCount: 0,
    });
    expect(cut?.headings.length).toBeLessThanOrEqual(16);
    expect(cut?.title.length).toBeLessThanOrEqual(2_000);
    for (const bad of [null, 'x', [], { title: 1 }, { title: 'x', headings: 'x' }])
      expect(readPageSample(bad)).toBeNull();
  });
});
