/**
 * Fetches the registry envelope: conditional (If-None-Match), with a timeout
 * that covers the body too, a size cap enforced while streaming, and no
 * redirects (the registry URL must be the final address). `fetch` is passed in.
 */
import { checkRegistryUrl } from '../policy/registry-url';
import { MAX_ENVELOPE_BYTES } from '../registry/limits';
import { reject, type Rejection } from '../registry/rejection';

export type FetchOutcome =
  | { ok: true; kind: 'not-modified' }
  | { ok: true; kind: 'body'; bytes: Uint8Array; etag: string | null }
  | Rejection;

export interface FetchRegistryRequest {
  url: string;
  etag: string | null;
  fetch: typeof fetch;
  timeoutMs?: number;
  maxBytes?: number;
}

export const DEFAULT_FETCH_TIMEOUT_MS = 30_000;

export async function fetchRegistry(request: FetchRegistryRequest): Promise<FetchOutcome> {
  const checked = checkRegistryUrl(request.url);
  if (!checked.ok) return reject('url-not-allowed', checked.reason);
  const maxBytes = request.maxBytes ?? MAX_ENVELOPE_BYTES;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, request.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS);
  try {
    const response = await request.fetch(checked.value, {
      method: 'GET',
      headers: request.etag ? { 'If-None-Match': request.etag } : {},
      redirect: 'manual',
      credentials: 'omit',
      cache: 'no-cache',
      referrerPolicy: 'no-referrer',
      signal: controller.signal,
    });
    if (
      response.type === 'opaqueredirect' ||
      (response.status >= 300 && response.status < 400 && response.status !== 304)
    ) {
      return reject('redirect-refused', `HTTP ${response.status}: the registry URL must not redirect`);
    }
    if (response.status === 304) {
      if (!request.etag)
        return reject('not-modified-without-copy', 'HTTP 304 to a request without a stored copy');
      return { ok: true, kind: 'not-modified' };
    }
    if (!response.ok) return reject('http-error', `HTTP ${response.status}`);
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > maxBytes) {
      controller.abort();
      return reject('too-large', `declared ${declared} bytes, over ${maxBytes}`);
    }
    const bytes = framedByLength(response, declared)
      ? await readWhole(response, maxBytes)
      : await readCapped(response, maxBytes, controller);
    if (!bytes) return reject('too-large', `more than ${maxBytes} bytes`);
    return { ok: true, kind: 'body', bytes, etag: response.headers.get('etag') };
  } catch (error) {
    if (timedOut)
      return reject(
        'timeout',
        `no complete answer within ${request.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS} ms`,
      );
    return reject('network-error', error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A body the server sent as is, with its length declared (already checked against the cap), cannot
 * grow past that length: the browser holds the transfer to it. Such a body is read in one piece,
 * as the platform reads fastest. A compressed body (which may inflate far beyond its declared
 * length), one of unknown length, or one whose headers are filtered is streamed against the cap.
 */
function framedByLength(response: Response, declared: number): boolean {
  return (
    Number.isFinite(declared) &&
    response.type !== 'cors' &&
    response.type !== 'opaque' &&
    (response.headers.get('content-encoding') ?? 'identity') === 'identity'
  );
}

async function readWhole(response: Response, maxBytes: number): Promise<Uint8Array | null> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  return bytes.byteLength > maxBytes ? null : bytes;
}

/** The body, or null as soon as it grows past the cap (the download is aborted). */
async function readCapped(
  response: Response,
  maxBytes: number,
  controller: AbortController,
): Promise<Uint8Array | null> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      controller.abort();
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
