/** Registries for tests: payloads, keys made at run time, and a local registry server. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateSigningKey, importSigningKey, signEnvelope } from '../../../lib/registry/sign-envelope';
import type { RegistryEntry, RegistryPayload } from '../../../lib/registry/types';
import type { EffectiveSettings } from '../../../lib/policy/types';
import { DEFAULT_SETTINGS } from '../../../lib/policy/read-policy';

export const NOW = new Date('2026-11-22T12:00:00Z');

export function payload(
  version: number,
  entries: RegistryEntry[],
  overrides: Partial<RegistryPayload> = {},
): RegistryPayload {
  return {
    schema: 1,
    jurisdiction: 'KZ',
    version,
    issuedAt: '2026-11-22T06:00:00Z',
    expiresAt: '2026-12-06T06:00:00Z',
    sources: [{ id: 'afsa', title: 'AFSA public register', url: 'https://publicreg.myafsa.com/' }],
    entries,
    ...overrides,
  };
}

export const BUNDLED = payload(1, [
  { target: 'bybit.kz', status: 'licensed', brand: 'bybit', name: 'Bybit Kazakhstan', source: 'afsa' },
  { target: 'coinbase.com', status: 'blocked' },
]);

export async function makeKey() {
  const generated = await generateSigningKey();
  return { publicKey: generated.publicKey, signing: await importSigningKey(generated.pkcs8) };
}

export async function signed(
  body: RegistryPayload,
  key: Awaited<ReturnType<typeof makeKey>>,
): Promise<Uint8Array> {
  return signEnvelope(new TextEncoder().encode(JSON.stringify(body)), [key.signing]);
}

export function settingsFor(registryUrl: string | null, trustedKeys: string[] = []): EffectiveSettings {
  return { ...DEFAULT_SETTINGS, registryUrl, trustedKeys, managed: [] };
}

export type Responder = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** A registry server on loopback whose answer each test sets. */
export async function registryServer(): Promise<{
  url: string;
  respond: (responder: Responder) => void;
  requests: http.IncomingHttpHeaders[];
  close: () => Promise<void>;
}> {
  let responder: Responder = (_req, res) => res.writeHead(404).end();
  const requests: http.IncomingHttpHeaders[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.headers);
    responder(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/registry.json`,
    respond: (next) => {
      responder = next;
    },
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
