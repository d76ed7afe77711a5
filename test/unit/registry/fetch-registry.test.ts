import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fetchRegistry } from '../../../lib/sync/fetch-registry';
import { registryServer } from '../engine/registry-fixtures';

let server: Awaited<ReturnType<typeof registryServer>>;

beforeEach(async () => {
  server = await registryServer();
});
afterEach(() => server.close());

function fetchCapped(maxBytes: number) {
  return fetchRegistry({ url: server.url, etag: null, fetch: (input, init) => fetch(input, init), maxBytes });
}

describe('reading the body', () => {
  it('reads a body of declared length in one piece, byte for byte', async () => {
    const body = Buffer.from(Array.from({ length: 70_000 }, (_, i) => i % 251));
    server.respond((_q, r) => r.writeHead(200, { 'content-length': String(body.length) }).end(body));
    const fetched = await fetchCapped(100_000);
    expect(fetched).toMatchObject({ ok: true, kind: 'body' });
    expect(fetched.ok && fetched.kind === 'body' && Buffer.from(fetched.bytes).equals(body)).toBe(true);
  });

  it('refuses a compressed body that inflates past the cap, though its declared length is small', async () => {
    const inflated = Buffer.alloc(200_000, 0x20);
    const compressed = gzipSync(inflated);
    expect(compressed.length).toBeLessThan(10_000);
    server.respond((_q, r) =>
      r
        .writeHead(200, { 'content-encoding': 'gzip', 'content-length': String(compressed.length) })
        .end(compressed),
    );
    expect(await fetchCapped(100_000)).toMatchObject({ ok: false, code: 'too-large' });
  });

  it('reads a compressed body within the cap', async () => {
    const inflated = Buffer.alloc(50_000, 0x41);
    const compressed = gzipSync(inflated);
    server.respond((_q, r) =>
      r
        .writeHead(200, { 'content-encoding': 'gzip', 'content-length': String(compressed.length) })
        .end(compressed),
    );
    const fetched = await fetchCapped(100_000);
    expect(fetched.ok && fetched.kind === 'body' && fetched.bytes.length).toBe(50_000);
  });
});
