/** In Firefox too, a page that stops the sampler's idle callback still gets its banner. */
import { expect, test } from '../support/fixtures';
import { BANNER_SELECTOR as BANNER } from '../support/pages';

const HTML = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Обмен Monero XMR на Kaspi KZT</title>
<script>window.requestIdleCallback = () => 0;</script></head><body>
<h1>Обмен Monero XMR на Kaspi KZT</h1>
<p>Курс: 1 XMR = 98 000 ₸. Резерв: 4 000 000 KZT. Курс в заявке держится 20 минут; нужно 10 подтверждений сети.</p>
<form><label for="a">Отдаете</label><input id="a" name="sum1"><select name="from"><option>Monero XMR</option><option>Tether TRC20 USDT</option></select>
<label for="w">Номер карты Kaspi получателя</label><input id="w" name="account2"><button>Обменять</button></form></body></html>`;

test('an exchanger page with an idle callback that never runs still gets its banner in Firefox', async ({
  server,
  firefoxSession,
}) => {
  server.route('hostile-idle-ff.example/', (_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(HTML),
  );
  const page = await firefoxSession.browser.newPage();
  await page.goto('http://hostile-idle-ff.example/', { waitUntil: 'load' });
  await page.waitForSelector(`${BANNER}[data-verdict="unregistered"]`, { timeout: 25_000 });
  expect(await page.$$eval(BANNER, (banners) => banners.length)).toBe(1);
});
