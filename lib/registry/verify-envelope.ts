import { toBufferSource } from './buffer-source';
import { pae } from './pae';
import type { ParsedEnvelope } from './parse-envelope';
import type { Rejection } from './rejection';
import { reject } from './rejection';
import type { TrustedKey } from './trusted-keys';

export interface VerifiedEnvelope {
  ok: true;
  /** The distinct trusted keys whose signature verified. */
  keyids: string[];
}

const ED25519_SIGNATURE_BYTES = 64;

async function verifiesUnder(key: TrustedKey, sig: Uint8Array, message: Uint8Array): Promise<boolean> {
  try {
    return await globalThis.crypto.subtle.verify(
      { name: 'Ed25519' },
      key.key,
      toBufferSource(sig),
      toBufferSource(message),
    );
  } catch {
    return false;
  }
}

/**
 * Checks the envelope's signatures over PAE(payloadType, payload) against the
 * trusted keys (docs/registry-format.md, "Envelope"). Each key counts once however many signatures it
 * made. A keyid is only a hint: no key is tried or trusted because of it, but a
 * signature whose hint names another key than the one that made it does not
 * count, so the hint cannot be altered unnoticed.
 */
export async function verifyEnvelope(
  envelope: ParsedEnvelope,
  trustedKeys: readonly TrustedKey[],
  threshold = 1,
): Promise<VerifiedEnvelope | Rejection> {
  if (envelope.signatures.length === 0) return reject('no-signatures');
  if (trustedKeys.length === 0) return reject('no-trusted-keys');
  const message = pae(envelope.payloadType, envelope.payloadBytes);
  const verified = new Set<string>();
  for (const signature of envelope.signatures) {
    if (signature.sig.length !== ED25519_SIGNATURE_BYTES) continue;
    for (const key of trustedKeys) {
      if (verified.has(key.keyid)) continue;
      if (!(await verifiesUnder(key, signature.sig, message))) continue;
      if (signature.keyid === null || signature.keyid === key.keyid) verified.add(key.keyid);
      break;
    }
  }
  if (verified.size < Math.max(1, threshold)) {
    return reject(
      'signature-untrusted',
      `${verified.size} of ${envelope.signatures.length} signature(s) verified under ${trustedKeys.length} trusted key(s)`,
    );
  }
  return { ok: true, keyids: [...verified] };
}
