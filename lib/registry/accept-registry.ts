import { checkFreshness } from './check-freshness';
import { MAX_ENVELOPE_BYTES } from './limits';
import { parseEnvelope } from './parse-envelope';
import type { Rejection } from './rejection';
import { reject } from './rejection';
import { importTrustedKeys } from './trusted-keys';
import type { RegistryPayload } from './types';
import { REGISTRY_PAYLOAD_TYPE } from './types';
import { parsePayload } from './validate-payload';
import { verifyEnvelope } from './verify-envelope';

export interface AcceptRegistryInput {
  /** The envelope exactly as served. */
  bytes: Uint8Array;
  /** Trusted Ed25519 public keys, base64 of the raw 32 bytes. */
  trustedKeys: readonly string[];
  /** Version of the installed signed registry; `null` when none is installed. */
  installedVersion: number | null;
  now: Date;
}

export interface AcceptedRegistry {
  ok: true;
  payload: RegistryPayload;
  /** Entries left out: a status unknown to this version, or a `validUntil` that is not a date. */
  skipped: number;
  /** Items and sites of `brands` left out as unusable. */
  dropped: { brands: number; sites: number };
  /** The distinct trusted keys that signed it. */
  keyids: string[];
}

async function accept(input: AcceptRegistryInput): Promise<AcceptedRegistry | Rejection> {
  const { bytes, trustedKeys, installedVersion, now } = input;
  if (!(bytes instanceof Uint8Array)) return reject('envelope-malformed', 'no bytes to read');
  if (bytes.length > MAX_ENVELOPE_BYTES) {
    return reject('too-large', `${bytes.length} bytes; at most ${MAX_ENVELOPE_BYTES}`);
  }
  const envelope = parseEnvelope(bytes);
  if (!envelope.ok) return envelope;
  if (envelope.payloadType !== REGISTRY_PAYLOAD_TYPE) {
    return reject('payload-type-mismatch', `payloadType "${envelope.payloadType.slice(0, 100)}"`);
  }
  if (envelope.signatures.length === 0) return reject('no-signatures');
  const keys = await importTrustedKeys(trustedKeys);
  if (keys.keys.length === 0) {
    return reject(
      'no-trusted-keys',
      keys.invalid > 0 ? `${keys.invalid} configured key(s), none a valid Ed25519 key` : undefined,
    );
  }
  // The browser checks the signature off this thread (WebCrypto) while the payload is read here.
  // Nothing read is used or kept before it has verified, and a bad signature is the answer
  // whatever the payload holds.
  const verifying = verifyEnvelope(envelope, keys.keys);
  const validated = parsePayload(envelope.payloadBytes);
  const verified = await verifying;
  if (!verified.ok) return verified;
  if (!validated.ok) return validated;
  const stale = checkFreshness(validated.payload, installedVersion, now);
  if (stale !== null) return stale;
  const { payload, skipped, dropped } = validated;
  return { ok: true, payload, skipped, dropped, keyids: verified.keyids };
}

/**
 * The one entry point for a fetched registry (docs/registry-format.md, "Envelope" to "Acceptance"): all or nothing.
 * It resolves to the verified, validated payload, or to the typed reason it
 * was refused; it never throws or rejects.
 */
export async function acceptRegistry(input: AcceptRegistryInput): Promise<AcceptedRegistry | Rejection> {
  try {
    return await accept(input);
  } catch (error) {
    return reject(
      'envelope-malformed',
      `unexpected: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
