/**
 * Pages that try to switch the unregistered detector's sampler off. Each serves an exchanger's
 * offer and one trick; each must still get the "unregistered" banner.
 */
import { expect, test } from '../support/fixtures';
import { ChromiumBanner } from '../support/pages';

/** An exchanger's direction page, its body apart so that it can also be put in a shadow root. */
const OFFER = `<h1>Обмен Monero XMR на Kaspi KZT</h1>
<p>Курс: 1 XMR = 98 000 ₸. Резерв: 4 000 000 KZT. Курс в заявке держится 20 минут; нужно 10 подтверждений сети.</p>
<form><label for="a">Отдаете</label><input id="a" name="sum1"><select name="from"><option>Monero XMR</option><option>Tether TRC20 USDT</option></select>
<label for="w">Номер карты Kaspi получателя</label><input id="w" name="account2"><button>Обменять</button></form>`;

const page = (head: string, body: string, title = 'Обмен Monero XMR на Kaspi KZT') =>
  `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body>${body}</body></html>`;

const TRICKS: readonly { name: string; host: string; html: string; waitForLoad: boolean }[] = [
  {
    name: 'an idle callback that never runs',
    host: 'hostile-idle.example',
    html: page('<script>window.requestIdleCallback = () => 0;</script>', OFFER),
    waitForLoad: true,
  },
  {
    name: 'a tree walker that throws',
    host: 'hostile-walker.example',
    html: page(
      `<script>Document.prototype.createTreeWalker = function () { throw new Error('no'); };</script>`,
      OFFER,
    ),
    waitForLoad: true,
  },
  {
    name: 'a title getter that throws',
    host: 'hostile-title.example',
    html: page(
      `<script>Object.defineProperty(document, 'title', { get() { throw new Error('no'); } });</script>`,
      OFFER,
    ),
    waitForLoad: true,
  },
  {
    name: 'the offer inside an open shadow root',
    host: 'hostile-shadow.example',
    html: page(
      '',
      `<div id="app"></div><script>document.getElementById('app').attachShadow({ mode: 'open' }).innerHTML = ${JSON.stringify(OFFER)};</script>`,
      'Welcome',
    ),
    waitForLoad: true,
  },
  {
    name: 'a load event that never fires',
    host: 'hostile-load.example',
    html: page('', `${OFFER}<img src="/never-ends.png" alt="">`),
    waitForLoad: false,
  },
];

for (const trick of TRICKS) {
  test(`an exchanger page with ${trick.name} still gets its banner`, async ({ server, chromiumSession }) => {
    server.route(`${trick.host}/`, (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
        .end(trick.html),
    );
    // Answers nothing, ever: the page's load event waits for this image.
    server.route(`${trick.host}/never-ends.png`, () => undefined);
    const tab = await chromiumSession.context.newPage();
    await tab.goto(`http://${trick.host}/`, { waitUntil: trick.waitForLoad ? 'load' : 'domcontentloaded' });
    const banner = new ChromiumBanner(tab);
    await expect(banner.host).toHaveAttribute('data-verdict', 'unregistered', { timeout: 25_000 });
  });
}
