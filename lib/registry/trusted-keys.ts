import { computeKeyId, decodePublicKey } from './keyid';

export interface TrustedKey {
  keyid: string;
  key: CryptoKey;
}

export interface TrustedKeySet {
  /** One per distinct key, whatever the number of times it was listed. */
  keys: TrustedKey[];
  /** Listed values that are not a base64 raw 32-byte Ed25519 key. */
  invalid: number;
}

/** Imports the trusted public keys for verification; unusable values are counted, never thrown. */
export async function importTrustedKeys(base64Keys: readonly string[]): Promise<TrustedKeySet> {
  const keys: TrustedKey[] = [];
  const seen = new Set<string>();
  let invalid = 0;
  for (const text of base64Keys) {
    const raw = typeof text === 'string' ? decodePublicKey(text) : null;
    if (raw === null) {
      invalid += 1;
      continue;
    }
    const keyid = await computeKeyId(raw);
    if (seen.has(keyid)) continue;
    try {
      const key = await globalThis.crypto.subtle.importKey('raw', raw, { name: 'Ed25519' }, false, [
        'verify',
      ]);
      seen.add(keyid);
      keys.push({ keyid, key });
    } catch {
      invalid += 1;
    }
  }
  return { keys, invalid };
}
