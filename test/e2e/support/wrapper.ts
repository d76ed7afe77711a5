import type { FixtureServer } from './fixture-server';

/**
 * Serves `http://<wrapper>/`: a site on no list that shows `framed` in a frame over the whole
 * window, as a wrapper that hides a warned or blocked site's address would.
 */
export function serveWrapper(server: FixtureServer, framed: string, wrapper = 'wrapper.example'): string {
  server.route(`${wrapper}/`, (_req, res) => {
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
      .end(
        `<!doctype html><title>Wrapper</title><body style="margin:0">` +
          `<iframe src="${framed}" style="position:fixed;inset:0;width:100%;height:100%;border:0"></iframe>`,
      );
  });
  return `http://${wrapper}/`;
}

/** Serves `host/path` as an SVG document, the site's chart opened as a page of its own. */
export function serveSvgDocument(server: FixtureServer, key: string): void {
  server.route(key, (_req, res) => {
    res
      .writeHead(200, { 'content-type': 'image/svg+xml', 'cache-control': 'no-store' })
      .end(
        '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200"><text x="10" y="40">Trade</text></svg>',
      );
  });
}

/** In the page: moves the document to a blob: address of its own origin, with the site's interface. */
export function moveToOwnBlob(): void {
  const html = '<!doctype html><title>Trade</title><h1>Trade from a blob</h1>';
  location.href = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
}

/** In the page: opens a blank window and writes the site's interface into it. */
export function writeBlankPopup(): void {
  const popup = window.open('');
  popup?.document.write('<!doctype html><title>Trade</title><h1>Trade in a popup</h1>');
  popup?.document.close();
}
