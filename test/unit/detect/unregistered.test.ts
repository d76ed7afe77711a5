import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  assessPage,
  collectPageSample,
  DEFAULT_SAMPLE_CHARS,
  glanceNamesCryptoAsset,
  NODES_AFTER_TEXT,
  readPageSample,
  scorePage,
  UNREGISTERED_THRESHOLD,
  type PageSample,
} from '../../../lib/detect/unregistered';
import { foldText } from '../../../lib/detect/unregistered/fold-text';
import { pageVocabulary } from '../../../lib/detect/unregistered/page-vocabulary';
import { hasWord } from '../../../lib/detect/unregistered/word-match';
import { loadCorpus } from '../../eval/evaluate-detectors';

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

describe('foldText', () => {
  it('keeps ASCII and Cyrillic and turns other letters and numbers into stand-ins of the same length', () => {
    expect(foldText('Обмен USDT → KZT, 1 ₸')).toBe('Обмен USDT → KZT, 1 ₸');
    const folded = foldText('cafébitcoin٣ 𝐁x');
    expect(folded).toHaveLength('cafébitcoin٣ 𝐁x'.length);
    expect(folded.slice(0, 4)).toBe('caf\u02AC');
    expect(folded.charAt(11)).toBe('\u00B2');
  });

  it('leaves word boundaries where \\p{L} and \\p{N} put them', () => {
    const { CRYPTO_WORD, TICKER } = pageVocabulary();
    // A foreign letter continues a word; a foreign number ends none.
    expect(hasWord(CRYPTO_WORD, foldText('криптовалютé'))).toBe(true);
    expect(hasWord(CRYPTO_WORD, foldText('bitcoin٣'))).toBe(false);
    expect(hasWord(TICKER, foldText('USDTé'))).toBe(false);
    expect(hasWord(TICKER, foldText('中 USDT'))).toBe(true);
  });
});

describe('pageVocabulary', () => {
  it('is built once, on first use', () => {
    expect(pageVocabulary()).toBe(pageVocabulary());
  });
});

describe('collectPageSample on a page dense with text', () => {
  it('reads a few nodes past its text budget, not the whole node budget', () => {
    const paragraphs = '<p>word word word word</p>'.repeat(2000);
    const html = `<html><body>${paragraphs}<table>${'<tr><td>USDT</td><td>512</td></tr>'.repeat(5)}</table></body></html>`;
    const s = collectPageSample(parseHTML(html).document, { maxChars: 200 });
    expect(s.text.length).toBeLessThanOrEqual(200);
    expect(s.tableRows).toEqual([]);
    const near = `<html><body>${'<p>word word word word</p>'.repeat(10)}<table><tr><td>USDT</td><td>512</td></tr></table></body></html>`;
    expect(collectPageSample(parseHTML(near).document, { maxChars: 100 }).tableRows).toEqual(['USDT | 512']);
    expect(NODES_AFTER_TEXT).toBeGreaterThan(20);
  });

  it('splits camel case in field hints, in any script', () => {
    const s = sampleOf(
      '<html><body><input name="walletAddress"><input name="суммаОтдаю"><input name="montantÉchange"></body></html>',
    );
    expect(s.fields.map((f) => f.hint)).toEqual(['wallet address', 'сумма отдаю', 'montant échange']);
  });
});

describe('glanceNamesCryptoAsset and assessPage', () => {
  it('pass over a page that names no crypto-asset without sampling it', () => {
    const html = `<html><head><title>Weather in Almaty</title></head><body><h1>Forecast</h1>
      <p>${'Sunny, light wind. '.repeat(200)}</p><form><input name="walletAddress"></form></body></html>`;
    const { document } = parseHTML(html);
    expect(glanceNamesCryptoAsset(document)).toBe(false);
    expect(assessPage(document, 'crypto-obmen.kz')).toEqual({ score: 0, signals: ['no-crypto-asset'] });
  });

  it('see a crypto-asset in the title, the text, an option value, a submit value or a rate quote', () => {
    const glance = (body: string, title = 'Exchange') =>
      glanceNamesCryptoAsset(
        parseHTML(`<html><head><title>${title}</title></head><body>${body}</body></html>`).document,
      );
    expect(glance('<p>Hello</p>', 'Обмен USDT')).toBe(true);
    expect(glance('<p>Купить крипту</p>')).toBe(true);
    expect(glance('<select><option value="BTC"></option></select>')).toBe(true);
    expect(glance('<input type="submit" value="Buy Tether">')).toBe(true);
    expect(glance('<p>exchange ton for tenge</p>')).toBe(true);
    expect(glance('<p>1 ton = 500 KZT</p>')).toBe(true);
    expect(glance('<p>Hello</p>')).toBe(false);
  });

  it('decide as the full scorer does on every page of the labelled corpus', () => {
    for (const page of loadCorpus()) {
      const { document } = parseHTML(page.html);
      const full = scorePage(collectPageSample(document, { maxChars: DEFAULT_SAMPLE_CHARS }), page.host);
      const assessed = assessPage(document, page.host);
      expect(assessed.score >= UNREGISTERED_THRESHOLD, page.id).toBe(full.score >= UNREGISTERED_THRESHOLD);
      if (full.score >= UNREGISTERED_THRESHOLD) expect(assessed, page.id).toEqual(full);
    }
  });
});

describe('readPageSample', () => {
  const sample = sampleOf(EXCHANGER);

  it('takes a sample as it is, and its score is the one scored in the page', () => {
    const read = readPageSample(structuredClone(sample));
    expect(read).toEqual(sample);
    expect(scorePage(read as PageSample, 'obmen-usdt.kz')).toEqual(scorePage(sample, 'obmen-usdt.kz'));
  });

  it('refuses what is not a sample', () => {
    for (const value of [
      null,
      'USDT',
      [sample],
      { score: 99 },
      { ...sample, text: 42 },
      { ...sample, headings: 'USDT' },
      { ...sample, fields: [{ type: 'text' }] },
      { ...sample, formCount: -1 },
      { ...sample, formCount: Number.NaN },
      { ...sample, options: [1, 2] },
    ])
      expect(readPageSample(value)).toBeNull();
  });

  it('cuts a sample the page blew up to the bounds a real one keeps', () => {
    const huge = 'USDT '.repeat(1_000_000);
    const read = readPageSample({
      ...sample,
      title: huge,
      text: huge,
      options: Array.from({ length: 100_000 }, () => huge),
      fields: Array.from({ length: 100_000 }, () => ({ type: huge, hint: huge })),
      formCount: 1e12,
    }) as PageSample;
    expect(read.text.length).toBe(DEFAULT_SAMPLE_CHARS);
    expect(read.title.length).toBeLessThanOrEqual(2_000);
    expect(read.options.length).toBeLessThanOrEqual(120);
    expect(read.options.every((option) => option.length <= 2_000)).toBe(true);
    expect(read.fields.length).toBeLessThanOrEqual(40);
    expect(read.fields[0]?.type.length).toBeLessThanOrEqual(40);
    expect(read.formCount).toBeLessThanOrEqual(1_000_000);
  });
});
