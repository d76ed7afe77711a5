import { decodeBase64 } from './base64';
import { toBufferSource } from './buffer-source';
import { toHex } from './hex';

export const ED25519_PUBLIC_KEY_BYTES = 32;

/** The contract's keyid: lower-case hex SHA-256 of the raw 32-byte public key. */
export async function computeKeyId(rawPublicKey: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', toBufferSource(rawPublicKey));
  return toHex(new Uint8Array(digest));
}

/** Decodes a public key written as the contract writes it (base64 of 32 raw bytes); `null` if it is not one. */
export function decodePublicKey(base64: string): Uint8Array<ArrayBuffer> | null {
  const raw = decodeBase64(base64.trim());
  return raw !== null && raw.length === ED25519_PUBLIC_KEY_BYTES ? raw : null;
}

/** The keyid of a public key written in base64; `null` if the text is not a public key. */
export async function keyIdOfBase64(base64: string): Promise<string | null> {
  const raw = decodePublicKey(base64);
  return raw === null ? null : computeKeyId(raw);
}
