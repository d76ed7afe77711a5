import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGISTRY_CLI } from '../../../cli/commands';
import type { Io } from '../../../cli/io';
import { encodePrivateKeyPem } from '../../../cli/private-key-pem';
import { runCli } from '../../../cli/run-cli';
import { acceptRegistry } from '../../../lib/registry/accept-registry';
import { generateSigningKey } from '../../../lib/registry/sign-envelope';
import { fetchRegistry } from '../../../lib/sync/fetch-registry';
import type { StaticSite } from '../../e2e/support/static-site';
import { serveStaticSite } from '../../e2e/support/static-site';

const ROOT = new URL('../../../', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'qorgan-publish-'));
const site = join(work, 'site');
let server: StaticSite;
let publicKey = '';
let signingKey = '';

/** The project's own data, as the publishing workflow passes it. */
const DATA = [
  ...['--sources', 'data/kz/sources.csv', '--licensed', 'data/kz/licensed.csv'],
  ...[
    '--warnings',
    'data/kz/warnings.csv',
    '--blocked',
    'data/kz/blocked.csv',
    '--brands',
    'data/kz/brands.csv',
  ],
];

async function run(args: string[], env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (line) => out.push(line), err: (line) => err.push(line), env, cwd: ROOT };
  const status = await runCli(args, REGISTRY_CLI, io);
  return { status, stdout: out.join('\n'), stderr: err.join('\n') };
}

beforeAll(async () => {
  const key = await generateSigningKey();
  publicKey = key.publicKey;
  signingKey = encodePrivateKeyPem(key.pkcs8);
  const published = await run(['publish', ...DATA, '--version', '7', '--out-dir', site], {
    QORGAN_SIGNING_KEY: signingKey,
  });
  if (published.status !== 0) throw new Error(`publish failed:\n${published.stderr}`);
  server = await serveStaticSite(site);
});

afterAll(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('registry publish, served by a static host', () => {
  it('writes the envelope, the index page, the headers file and .nojekyll', () => {
    for (const file of ['registry.json', 'index.html', '_headers', '.nojekyll']) {
      expect(existsSync(join(site, file))).toBe(true);
    }
  });

  it('serves an envelope that the extension fetches and accepts, with every entry and brand', async () => {
    const fetched = await fetchRegistry({ url: `${server.url}/registry.json`, etag: null, fetch });
    if (!fetched.ok || fetched.kind !== 'body') throw new Error(`fetch failed: ${JSON.stringify(fetched)}`);
    const accepted = await acceptRegistry({
      bytes: fetched.bytes,
      trustedKeys: [publicKey],
      installedVersion: null,
      now: new Date(),
    });
    if (!accepted.ok) throw new Error(`refused: ${accepted.code} ${accepted.detail ?? ''}`);
    expect(accepted.payload.version).toBe(7);
    expect(accepted.skipped).toBe(0);
    expect(accepted.dropped).toEqual({ brands: 0, sites: 0 });
    const targets = accepted.payload.entries.map((entry) => entry.target);
    expect(targets).toEqual(
      expect.arrayContaining(['bybit.kz', 'eurasia.big.one', 'swiftex.io', 'coinbase.com']),
    );
    expect(accepted.payload.brands?.map((brand) => brand.brand)).toContain('binance');
  });

  it('answers a repeated fetch with 304 through its ETag, and sends the cache headers of _headers', async () => {
    const first = await fetch(`${server.url}/registry.json`);
    expect(first.headers.get('cache-control')).toBe('public, max-age=300, must-revalidate');
    expect(first.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await fetchRegistry({ url: `${server.url}/registry.json`, etag, fetch });
    expect(again).toEqual({ ok: true, kind: 'not-modified' });
  });

  it('serves a page that says what the registry holds', async () => {
    const page = await (await fetch(`${server.url}/`)).text();
    expect(page).toContain('<td>7</td>');
    expect(page).toMatch(/<th>Entries<\/th><td>\d+: \d+ licensed, \d+ warning, \d+ blocked<\/td>/);
    expect(page).toContain('AFSA public register');
    const envelope = readFileSync(join(site, 'registry.json'));
    const { createHash } = await import('node:crypto');
    expect(page).toContain(createHash('sha256').update(envelope).digest('hex'));
  });

  it('takes the key only from the environment', async () => {
    const noKey = await run(['publish', ...DATA, '--out-dir', join(work, 'no-key')], {});
    expect(noKey.status).toBe(2);
    expect(noKey.stderr).toContain('no key: set QORGAN_SIGNING_KEY');
    const keyFile = await run(['publish', ...DATA, '--key-file', 'k.pem', '--out-dir', join(work, 'x')], {
      QORGAN_SIGNING_KEY: signingKey,
    });
    expect(keyFile.status).toBe(2);
    expect(keyFile.stderr).toContain('only from QORGAN_SIGNING_KEY');
    expect(existsSync(join(work, 'no-key'))).toBe(false);
  });

  it('refuses to publish a version that is not above the one already published', async () => {
    const back = await run(
      ['publish', ...DATA, '--previous', join(site, 'registry.json'), '--version', '7', '--out-dir', site],
      { QORGAN_SIGNING_KEY: signingKey },
    );
    expect(back.status).toBe(1);
    expect(back.stderr).toContain('not greater than the previous version 7');
  });
});
