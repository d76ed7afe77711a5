import type { RegistryPayload } from '../lib/registry/types';

/** The envelope's name in the site folder: the registry URL ends with it. */
export const ENVELOPE_FILE = 'registry.json';

/**
 * Netlify and Cloudflare Pages read `_headers`. Both also make a strong ETag
 * from the file's content and answer `If-None-Match` with 304, so none is
 * written here: a hand-written one could disagree with the bytes served.
 * A short max-age with must-revalidate keeps edges from serving a registry
 * long after the next publication.
 */
export function headersFile(): string {
  return [
    '# Read by Netlify and Cloudflare Pages; GitHub Pages ignores it (see docs/publishing.md).',
    `/${ENVELOPE_FILE}`,
    '  Content-Type: application/json; charset=utf-8',
    '  Cache-Control: public, max-age=300, must-revalidate',
    '  X-Content-Type-Options: nosniff',
    '/',
    '  Cache-Control: public, max-age=300, must-revalidate',
    "  Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'",
    '',
  ].join('\n');
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function link(url: string | undefined, text: string): string {
  return url === undefined ? escape(text) : `<a href="${escape(url)}">${escape(text)}</a>`;
}

/** A small page for people who open the site: what the registry holds, and how to check it. */
export function renderIndex(payload: RegistryPayload, details: { keyids: string[]; sha256: string }): string {
  const count = (status: string) => payload.entries.filter((entry) => entry.status === status).length;
  const sources = payload.sources
    .map(
      (s) =>
        `<li>${link(s.url, s.title)}${s.retrievedAt === undefined ? '' : ` (retrieved ${escape(s.retrievedAt)})`}</li>`,
    )
    .join('\n');
  const rows: [string, string][] = [
    ['Jurisdiction', payload.jurisdiction],
    ['Version', String(payload.version)],
    ['Issued', payload.issuedAt],
    ['Expires', payload.expiresAt],
    [
      'Entries',
      `${payload.entries.length}: ${count('licensed')} licensed, ${count('warning')} warning, ${count('blocked')} blocked`,
    ],
    ['Brands protected without an entry', String(payload.brands?.length ?? 0)],
    ['Signed by (keyid)', details.keyids.join(', ')],
    [`SHA-256 of ${ENVELOPE_FILE}`, details.sha256],
  ];
  const table = rows
    .map(([name, value]) => `<tr><th>${escape(name)}</th><td>${escape(value)}</td></tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Qorgan registry ${escape(payload.jurisdiction)}, version ${payload.version}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem}th{text-align:left;padding-right:1rem;vertical-align:top}td{word-break:break-all}</style>
</head>
<body>
<h1>Qorgan registry, ${escape(payload.jurisdiction)}</h1>
<p>The signed list the Qorgan browser extension reads: platforms licensed, named in a regulator's warning, or blocked. The extension fetches <a href="${ENVELOPE_FILE}">${ENVELOPE_FILE}</a>, a DSSE envelope signed with Ed25519, and installs it only if a key it trusts signed it.</p>
<table>
${table}
</table>
<h2>Sources</h2>
<ul>
${sources}
</ul>
<p>Check it yourself: <code>npm run registry -- verify ${ENVELOPE_FILE} --key &lt;public key&gt;</code> in the Qorgan repository.</p>
</body>
</html>
`;
}
