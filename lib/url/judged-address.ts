/**
 * The address a document is judged by. A web page is judged by its own address. A `blob:`
 * document, and an `about:blank` or `about:srcdoc` one, belong to the origin that made them: a
 * site that moves itself to a blob of its own, or writes its interface into a blank window it
 * opened, keeps its verdict. Everything else (data:, file:, the browser's own pages) is not judged.
 */
const WEB_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:']);

function webOrigin(value: string | undefined): string | null {
  if (value === undefined) return null;
  try {
    const url = new URL(value);
    return WEB_PROTOCOLS.has(url.protocol) ? url.origin : null;
  } catch {
    return null;
  }
}

/** Whether the document's address says nothing of its origin, which must be asked of the document. */
export function isLocalDocument(url: string): boolean {
  return /^about:(blank|srcdoc)(?=$|[?#])/i.test(url);
}

/**
 * `origin` is the document's origin as the browser reports it (needed for `about:` documents);
 * null when the document is not judged.
 */
export function judgedAddress(url: string, origin?: string): string | null {
  if (webOrigin(url) !== null) return url;
  if (/^blob:/i.test(url)) {
    const inner = webOrigin(url.slice('blob:'.length));
    return inner === null ? null : `${inner}/`;
  }
  if (isLocalDocument(url)) {
    const from = webOrigin(origin);
    return from === null ? null : `${from}/`;
  }
  return null;
}
