/**
 * One local server for every host a test visits. Chromium reaches it through
 * host-resolver rules, Firefox through its HTTP/SSL proxy settings; plain HTTP,
 * TLS (a throwaway self-signed certificate) and proxy CONNECT share one port.
 * Every request is logged so tests can prove what the extension fetched.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface LoggedRequest {
  host: string;
  path: string;
  method: string;
  headers: http.IncomingHttpHeaders;
  secure: boolean;
}

export type RouteHandler = (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => void;

const SITES_DIR = path.resolve(import.meta.dirname, '../../fixtures/sites');

let certCache: { key: string; cert: string } | undefined;

function throwawayCertificate(): { key: string; cert: string } {
  if (certCache) return certCache;
  const dir = mkdtempSync(path.join(tmpdir(), 'qorgan-cert-'));
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '2',
      '-subj',
      '/CN=qorgan-fixtures',
    ],
    { stdio: 'ignore', input: '' },
  );
  // The subject does not matter: browsers are told to accept this certificate.
  certCache = { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
  return certCache;
}

function isFile(file: string): boolean {
  return existsSync(file) && statSync(file).isFile();
}

/** The page for a host: its own file for the path, else its index, else the default page. */
function siteFile(host: string, pathname: string): string | null {
  const hostDir = path.join(SITES_DIR, host);
  const exact = path.join(hostDir, pathname);
  const candidates = [exact, path.join(exact, 'index.html'), path.join(hostDir, 'index.html')];
  const found = candidates.find((file) => file.startsWith(SITES_DIR + path.sep) && isFile(file));
  if (found) return found;
  const fallback = path.join(SITES_DIR, '_default', 'index.html');
  return isFile(fallback) ? fallback : null;
}

export class FixtureServer {
  readonly requests: LoggedRequest[] = [];
  private readonly routes = new Map<string, RouteHandler>();
  private readonly httpServer: http.Server;
  private readonly tlsServer: https.Server;
  private readonly front: net.Server;
  port = 0;
  private tlsPort = 0;
  private readonly sockets = new Set<net.Socket>();

  constructor() {
    const handler = (secure: boolean) => (req: http.IncomingMessage, res: http.ServerResponse) =>
      this.handle(req, res, secure);
    this.httpServer = http.createServer(handler(false));
    this.tlsServer = https.createServer(throwawayCertificate(), handler(true));
    // TLS reads from the socket's handle, past any bytes already taken from it, so TLS
    // connections are piped to the TLS listener's own loopback port instead of handed over.
    const toTls = (socket: net.Socket, first: Buffer) => {
      const upstream = net.connect(this.tlsPort, '127.0.0.1', () => {
        upstream.write(first);
        socket.pipe(upstream).pipe(socket);
      });
      upstream.on('error', () => socket.destroy());
      upstream.on('close', () => socket.destroy());
      socket.on('close', () => upstream.destroy());
    };
    this.httpServer.on('connect', (_req: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      toTls(socket, head);
    });
    this.front = net.createServer((socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('error', () => socket.destroy());
      socket.once('data', (first) => {
        if (first[0] === 0x16) {
          toTls(socket, first);
          return;
        }
        socket.pause();
        socket.unshift(first);
        this.httpServer.emit('connection', socket);
        socket.resume();
      });
    });
  }

  /** Serve `pathname` on every host (or `host/pathname` on one host) with a handler. */
  route(key: string, handler: RouteHandler): void {
    this.routes.set(key, handler);
  }

  async start(): Promise<number> {
    await new Promise<void>((resolve) => this.tlsServer.listen(0, '127.0.0.1', resolve));
    this.tlsPort = (this.tlsServer.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => this.front.listen(0, '127.0.0.1', resolve));
    const address = this.front.address();
    if (typeof address !== 'object' || address === null) throw new Error('fixture server has no port');
    this.port = address.port;
    return this.port;
  }

  async stop(): Promise<void> {
    this.httpServer.closeAllConnections();
    this.tlsServer.closeAllConnections();
    for (const socket of this.sockets) socket.destroy();
    await Promise.all([
      new Promise<void>((resolve) => this.front.close(() => resolve())),
      new Promise<void>((resolve) => this.tlsServer.close(() => resolve())),
    ]);
  }

  /** Requests to hosts other than the ones a test navigated to itself. */
  requestsTo(host: string): LoggedRequest[] {
    return this.requests.filter((r) => r.host === host);
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse, secure: boolean): void {
    const raw = req.url ?? '/';
    const url =
      raw.startsWith('http://') || raw.startsWith('https://')
        ? new URL(raw)
        : new URL(raw, `${secure ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}`);
    const host = url.hostname.toLowerCase();
    this.requests.push({
      host,
      path: url.pathname + url.search,
      method: req.method ?? 'GET',
      headers: req.headers,
      secure,
    });
    const route = this.routes.get(`${host}${url.pathname}`) ?? this.routes.get(url.pathname);
    if (route) {
      route(req, res, url);
      return;
    }
    const file = siteFile(host, url.pathname);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const body = readFileSync(file, 'utf8').replaceAll('{{HOST}}', host);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
  }
}
