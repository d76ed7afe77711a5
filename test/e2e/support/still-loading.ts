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
