import { decodeBase64, encodeBase64 } from '../registry/base64';
import { ED25519_PUBLIC_KEY_BYTES } from '../registry/keyid';
import { shorten } from './describe-value';
import type { PolicyCheck } from './types';

/**
 * Checks one trusted key: standard base64 of a raw 32-byte Ed25519 public key,
 * decoded as strictly as the registry's signature check decodes it. Missing
 * `=` padding is added, so the value returned is the one form that check takes.
 */
export function checkTrustedKey(raw: unknown): PolicyCheck<string> {
  if (typeof raw !== 'string') {
    return { ok: false, code: 'wrong-type', reason: 'each key must be a string' };
  }
  const text = raw.trim();
  if (/^[0-9a-f]{64}$/i.test(text)) {
    return {
      ok: false,
      code: 'not-base64',
      reason: 'looks like hex; write the raw 32-byte public key in base64',
    };
  }
  const bytes = text === '' ? null : decodeBase64(withPadding(text));
  if (bytes === null) {
    return {
      ok: false,
      code: 'not-base64',
      reason: /[-_]/.test(text)
        ? `"${shorten(text)}" is base64url; write it in standard base64 (with + and /)`
        : `"${shorten(text)}" is not base64`,
    };
  }
  if (bytes.length !== ED25519_PUBLIC_KEY_BYTES) {
    return {
      ok: false,
      code: 'wrong-key-length',
      reason: `decodes to ${bytes.length} bytes; an Ed25519 public key is ${ED25519_PUBLIC_KEY_BYTES}`,
    };
  }
  return { ok: true, value: encodeBase64(bytes) };
}

function withPadding(text: string): string {
  return text.length % 4 === 0 ? text : text + '='.repeat(4 - (text.length % 4));
}
