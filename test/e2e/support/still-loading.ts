import type { FixtureServer } from './fixture-server';

/**
 * Serves `http://<host>/still-loading`: a page whose image answers only after three seconds, so
 * its load event comes long after a timely banner. bybit.com is a warning site in the bundled
 * registry; plain.example.org is known to no list.
 */
export function serveStillLoadingPage(server: FixtureServer, host = 'bybit.com'): string {
  server.route(`${host}/still-loading`, (_req, res) => {
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
      .end('<!doctype html><title>Trade</title><h1>Trade</h1><img src="/slow-image.png" alt="">');
  });
  server.route('/slow-image.png', (_req, res) => {
    setTimeout(() => res.writeHead(404, { 'content-type': 'text/plain' }).end('none'), 3_000);
  });
  return `http://${host}/still-loading`;
}

/**
 * Serves `http://<host>/never-ends`: the page's markup comes, but its response never ends, so the
 * document never reaches DOMContentLoaded. The server's stop closes the connection.
 */
export function serveNeverEndingPage(server: FixtureServer, host = 'bybit.com'): string {
  server.route(`${host}/never-ends`, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.write(`<!doctype html><title>Trade</title><h1>Trade</h1><p>${'Buy and sell. '.repeat(200)}</p>`);
  });
  return `http://${host}/never-ends`;
}

/** Serves `http://<host>/stalled-script`: a body that ends with a script whose response never comes. */
export function serveStalledScriptPage(server: FixtureServer, host = 'bybit.com'): string {
  server.route(`${host}/stalled-script`, (_req, res) => {
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
      .end('<!doctype html><title>Trade</title><h1>Trade</h1><script src="/never.js"></script>');
  });
  server.route(`${host}/never.js`, () => undefined);
  return `http://${host}/stalled-script`;
}
