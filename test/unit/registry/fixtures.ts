/** Payloads and keys for the registry tests. Keys are made at run time; none is ever stored. */
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, sign as nodeSign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { join } from 'node:path';
import type { SigningKey } from '../../../lib/registry/sign-envelope';
import { generateSigningKey, importSigningKey, signEnvelope } from '../../../lib/registry/sign-envelope';
import type { RegistryPayload } from '../../../lib/registry/types';
import { REGISTRY_PAYLOAD_TYPE } from '../../../lib/registry/types';

export const NOW = new Date('2026-11-20T12:00:00Z');

export function samplePayload(overrides: Partial<RegistryPayload> = {}): RegistryPayload {
  return {
    schema: 1,
    jurisdiction: 'KZ',
    version: 42,
    issuedAt: '2026-11-20T06:00:00Z',
    expiresAt: '2026-12-04T06:00:00Z',
    sources: [
      { id: 'afsa', title: 'AFSA public register', url: 'https://publicreg.myafsa.com/' },
      { id: 'afm', title: 'AFM' },
    ],
    entries: [
      {
        target: 'bybit.kz',
        status: 'licensed',
        name: 'Bybit Limited (Bybit Kazakhstan)',
        licence: 'AFSA-A-LA-2024-0027',
        brand: 'bybit',
        source: 'afsa',
      },
      {
        target: 'bybit.com',
        status: 'warning',
        name: 'Bybit (global platform)',
        alternative: 'bybit.kz',
        source: 'afsa',
      },
      { target: 't.me/obmen_kzt_bot', status: 'blocked', source: 'afm' },
    ],
    ...overrides,
  };
}

export function encode(value: unknown): Uint8Array {
  return new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));
}

export interface TestKey {
  /** Base64 of the raw 32-byte public key. */
  publicKey: string;
  signing: SigningKey;
}

export async function makeKey(): Promise<TestKey> {
  const generated = await generateSigningKey();
  return { publicKey: generated.publicKey, signing: await importSigningKey(generated.pkcs8) };
}

export async function envelopeFor(
  payload: unknown,
  keys: readonly TestKey[],
  payloadType: string = REGISTRY_PAYLOAD_TYPE,
): Promise<Uint8Array> {
  return signEnvelope(
    encode(payload),
    keys.map((key) => key.signing),
    payloadType,
  );
}

export function parseJson(bytes: Uint8Array): Record<string, unknown> {
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

/** A key pair from Node's own crypto module, independent of the project's signer. */
export function nodeKeyPair(): { publicKey: KeyObject; privateKey: KeyObject; rawPublicKey: Buffer } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const spki = publicKey.export({ format: 'der', type: 'spki' });
  // An Ed25519 SPKI is a fixed 12-byte header followed by the raw 32-byte key.
  return { publicKey, privateKey, rawPublicKey: spki.subarray(spki.length - 32) };
}

/** DSSE PAE written out again from the specification, not taken from lib/. */
export function independentPae(payloadType: string, payload: Buffer): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  return Buffer.concat([
    Buffer.from(`DSSEv1 ${type.length} `, 'utf8'),
    type,
    Buffer.from(` ${payload.length} `, 'utf8'),
    payload,
  ]);
}

export function nodeSignedEnvelope(
  payload: Buffer,
  privateKey: KeyObject,
  keyid?: string,
  payloadType: string = REGISTRY_PAYLOAD_TYPE,
): Buffer {
  const sig = nodeSign(null, independentPae(payloadType, payload), privateKey).toString('base64');
  return Buffer.from(
    JSON.stringify({
      payloadType,
      payload: payload.toString('base64'),
      signatures: [keyid === undefined ? { sig } : { keyid, sig }],
    }),
  );
}

const ROOT = new URL('../../../', import.meta.url).pathname;

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the publisher's CLI (`tsx cli/registry.ts`) as a separate process in `cwd`. */
export function runRegistryCli(args: string[], cwd: string, env: Record<string, string> = {}): CliRun {
  const run = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'cli/registry.ts'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, QORGAN_SIGNING_KEY: '', QORGAN_TRUSTED_KEYS: '', ...env },
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
