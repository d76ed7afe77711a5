/** Signed registries for end-to-end tests, with keys made at run time. */
import { generateSigningKey, importSigningKey, signEnvelope } from '../../../lib/registry/sign-envelope';
import type { RegistryEntry, RegistryPayload } from '../../../lib/registry/types';

export interface TestRegistryKey {
  publicKey: string;
  sign(payload: RegistryPayload): Promise<Uint8Array>;
}

export async function makeRegistryKey(): Promise<TestRegistryKey> {
  const generated = await generateSigningKey();
  const signing = await importSigningKey(generated.pkcs8);
  return {
    publicKey: generated.publicKey,
    sign: (payload) => signEnvelope(new TextEncoder().encode(JSON.stringify(payload)), [signing]),
  };
}

export function testPayload(version: number, entries: RegistryEntry[]): RegistryPayload {
  const now = Date.now();
  return {
    schema: 1,
    jurisdiction: 'KZ',
    version,
    issuedAt: new Date(now - 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z'),
    expiresAt: new Date(now + 14 * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z'),
    sources: [{ id: 'org', title: 'Organisation registry' }],
    entries,
  };
}
