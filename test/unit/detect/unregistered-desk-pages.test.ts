import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  assessPage,
  collectPageSample,
  glanceNamesCryptoAsset,
  scorePage,
  UNREGISTERED_THRESHOLD,
  type PageSample,
} from '../../../lib/detect/unregistered';

function sampleOf(html: string): PageSample {
  return collectPageSample(parseHTML(html).document, { maxChars: 8_000 });
}

/** An exchanger's rules page that names no crypto-asset: only the desk's own words. */
const RULES = `<html><head><title>Rules for working with the application</title></head><body>
  <h1>Rules for working with the application</h1>
  <p>Choose the exchange direction you need and fill in the form. After you press Exchange your application appears on screen.</p>
  <p>The application is fixed at the current rate for 20 minutes. For manual directions you receive requisites for the payment.</p>
  <p>Our reserves are updated every hour; an application above the reserve waits for the operator.</p></body></html>`;

/** A bank's rules for its cash exchange offices: the same kind of words, about foreign cash. */
const BANK_RULES = `<html><head><title>Правила обмена валюты</title></head><body><h1>Правила обмена валюты</h1>
  <p>Пункт обмена валюты уполномоченного банка покупает и продаёт наличную иностранную валюту.</p>
  <p>Заявка на обмен оформляется у оператора; реквизиты и резервы банка указаны на табло; возврат средств — по заявлению.</p>
  <p>Курс обмена фиксируется в момент операции. Направление обмена выбирает клиент, верификация карты не нужна.</p></body></html>`;

describe('an exchanger page that names no crypto-asset', () => {
  it('is sampled and reaches the threshold on its desk words, but never sets the site memory', () => {
    const { document } = parseHTML(RULES);
    expect(glanceNamesCryptoAsset(document)).toBe(true);
    expect(assessPage(document, 'flymoney.example').score).toBeGreaterThanOrEqual(UNREGISTERED_THRESHOLD);
    const judged = scorePage(sampleOf(RULES), 'flymoney.example', 'https://flymoney.example/en/rules/');
    expect(judged.signals).toContain('desk-words');
    expect(judged.memorable).toBe(false);
  });

  it('is not looked for on a page that only shares the stems of a desk’s words', () => {
    const html = `<html><head><title>Acme Plumbing</title></head><body><nav>Services · Partners · Directions</nav>
      <p>Get directions to our office. Verify your email to book a visit.</p><footer>© 2026 All rights reserved.</footer></body></html>`;
    expect(glanceNamesCryptoAsset(parseHTML(html).document)).toBe(false);
  });

  it('is not found in words the page echoes from its address', () => {
    const echoed =
      'Choose the exchange direction you need. Your application appears on screen and is fixed at the current rate. For manual directions you receive requisites. Our reserves are updated every hour.';
    const html = `<html><head><title>Rules for working with the application</title></head><body>
      <h1>Rules for working with the application</h1><p>${echoed}</p></body></html>`;
    const address = `https://news.example/rules?q=${encodeURIComponent(echoed)}`;
    expect(scorePage(sampleOf(html), 'news.example').score).toBeGreaterThanOrEqual(UNREGISTERED_THRESHOLD);
    expect(scorePage(sampleOf(html), 'news.example', address).score).toBeLessThan(UNREGISTERED_THRESHOLD);
  });

  it('leaves a bank’s rules for its foreign-cash offices alone', () => {
    const judged = scorePage(sampleOf(BANK_RULES), 'bank.example.kz', 'https://bank.example.kz/rules');
    expect(judged.score).toBeLessThan(UNREGISTERED_THRESHOLD);
    expect(judged.signals).not.toContain('desk-words');
  });

  it('keeps a 5 MB page of desk words within the sample bounds and below the threshold', () => {
    const html = `<html><body><p>${'резерв обменник '.repeat(320_000)}</p></body></html>`;
    const sample = sampleOf(html);
    expect(sample.text.length).toBeLessThanOrEqual(8_000);
    expect(scorePage(sample, 'example.kz', 'https://example.kz/').score).toBeLessThan(UNREGISTERED_THRESHOLD);
  });
});

describe('pages about crypto that are not a desk', () => {
  it('a wallet’s help-centre article on buying crypto by card stays below the threshold', () => {
    const html = `<html><head><title>How do I buy crypto with a card? – Wallet Help Center</title></head><body>
      <nav>Help Center · Wallet · Submit a request</nav><h1>How do I buy crypto with a card?</h1>
      <p>Tap Buy Crypto in the mobile app, choose the crypto and the amount, add your card and confirm.</p>
      <p>The rate shown is approximate; your order uses the rate when you press Buy Now. Buy BTC or USDT with Visa or Mastercard.</p>
      <p>Was this article helpful?</p></body></html>`;
    const judged = scorePage(
      sampleOf(html),
      'support.wallet.example',
      'https://support.wallet.example/articles/1',
    );
    expect(judged.signals).toContain('wallet-help:-3');
    expect(judged.score).toBeLessThan(UNREGISTERED_THRESHOLD);
  });

  it('advice on choosing an exchanger pulls the score down', () => {
    const html = `<html><head><title>Exchange Rules</title></head><body><h1>Exchange Rules</h1>
      <p>Cryptocurrency exchange services let people buy, sell and exchange bitcoin and USDT. First choose a reliable exchange platform:
      look at its rating, reviews and reserves. Many exchangers ask for card verification and AML checks before an exchange.</p></body></html>`;
    expect(
      scorePage(sampleOf(html), 'soft.example', 'https://soft.example/exchange-rules').signals,
    ).toContain('choice-advice:-2');
  });
});
