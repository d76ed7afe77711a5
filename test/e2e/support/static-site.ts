/**
 * A local static host for a folder written by `registry publish`: sirv serves
 * the files with ETags and 304 answers, as Netlify, Cloudflare Pages and
 * GitHub Pages do, and the folder's own `_headers` rules are applied.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import sirv from 'sirv';

export interface StaticSite {
  url: string;
  port: number;
  /** Paths requested, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** The `_headers` format (a path line, then indented `Name: value` lines); exact paths only, all this site needs. */
export function readHeadersRules(text: string): Map<string, [string, string][]> {
  const rules = new Map<string, [string, string][]>();
  let current: [string, string][] | null = null;
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      current = [];
      rules.set(line.trim(), current);
      continue;
    }
    const colon = line.indexOf(':');
    if (current !== null && colon > 0)
      current.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

export async function serveStaticSite(dir: string): Promise<StaticSite> {
  const rules = readHeadersRules(readFileSync(path.join(dir, '_headers'), 'utf8'));
  const serve = sirv(dir, {
    etag: true,
    dev: true,
    setHeaders: (res, pathname) => {
      for (const [name, value] of rules.get(pathname) ?? []) res.setHeader(name, value);
    },
  });
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    serve(req, res, () => {
      res.writeHead(404).end('not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
