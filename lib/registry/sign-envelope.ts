import { decodeBase64, encodeBase64 } from './base64';
import { toBufferSource } from './buffer-source';
import { computeKeyId } from './keyid';
import { pae } from './pae';
import { REGISTRY_PAYLOAD_TYPE } from './types';

export interface SigningKey {
  privateKey: CryptoKey;
  /** Base64 of the raw 32-byte public key, the form the extension trusts. */
  publicKey: string;
  keyid: string;
}

/** Imports an Ed25519 private key from PKCS #8 DER, with its public half and keyid. */
export async function importSigningKey(pkcs8: Uint8Array): Promise<SigningKey> {
  const subtle = globalThis.crypto.subtle;
  const extractable = await subtle.importKey('pkcs8', toBufferSource(pkcs8), { name: 'Ed25519' }, true, [
    'sign',
  ]);
  // The public half is read from the JWK form, the one export every engine offers for private keys.
  const jwk = await subtle.exportKey('jwk', extractable);
  const x = jwk.x;
  if (typeof x !== 'string') throw new Error('the key has no public part');
  const raw = decodeBase64(
    x.replaceAll('-', '+').replaceAll('_', '/') + '='.repeat((4 - (x.length % 4)) % 4),
  );
  if (raw === null || raw.length !== 32) throw new Error('the key is not an Ed25519 key');
  const privateKey = await subtle.importKey('pkcs8', toBufferSource(pkcs8), { name: 'Ed25519' }, false, [
    'sign',
  ]);
  return { privateKey, publicKey: encodeBase64(raw), keyid: await computeKeyId(raw) };
}

/** Makes a new Ed25519 key pair: PKCS #8 DER private key, base64 raw public key, keyid. */
export async function generateSigningKey(): Promise<{ pkcs8: Uint8Array; publicKey: string; keyid: string }> {
  const subtle = globalThis.crypto.subtle;
  const pair = (await subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const pkcs8 = new Uint8Array(await subtle.exportKey('pkcs8', pair.privateKey));
  const raw = new Uint8Array(await subtle.exportKey('raw', pair.publicKey));
  return { pkcs8, publicKey: encodeBase64(raw), keyid: await computeKeyId(raw) };
}

/**
 * Signs payload bytes into a DSSE envelope (docs/registry-format.md, "Envelope"), one signature per
 * key, each over PAE(payloadType, payload). The result is compact JSON with no
 * trailing white space: its bytes are what a registry URL serves.
 */
export async function signEnvelope(
  payloadBytes: Uint8Array,
  keys: readonly SigningKey[],
  payloadType: string = REGISTRY_PAYLOAD_TYPE,
): Promise<Uint8Array> {
  const message = toBufferSource(pae(payloadType, payloadBytes));
  const signatures: { keyid: string; sig: string }[] = [];
  for (const key of keys) {
    const sig = await globalThis.crypto.subtle.sign({ name: 'Ed25519' }, key.privateKey, message);
    signatures.push({ keyid: key.keyid, sig: encodeBase64(new Uint8Array(sig)) });
  }
  const envelope = { payloadType, payload: encodeBase64(payloadBytes), signatures };
  return new TextEncoder().encode(JSON.stringify(envelope));
}
