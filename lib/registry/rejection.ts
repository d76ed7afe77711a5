/**
 * Every reason a registry can be refused, from the network to the acceptance
 * rules. The popup shows each in kk, ru and en under the locale key
 * `reason_<code with - replaced by _>`.
 */
export const REJECTION_CODES = [
  // transport
  'no-registry-url',
  'url-not-allowed',
  'network-error',
  'http-error',
  'timeout',
  'redirect-refused',
  'not-modified-without-copy',
  'too-large',
  // envelope
  'envelope-not-json',
  'envelope-malformed',
  'payload-type-mismatch',
  'base64-invalid',
  'no-signatures',
  'no-trusted-keys',
  'signature-untrusted',
  // payload
  'payload-not-json',
  'payload-invalid',
  'target-invalid',
  'too-many-entries',
  // acceptance
  'rollback',
  'same-version',
  'expired',
  'issued-in-future',
  // storage
  'store-failed',
] as const;

export type RejectionCode = (typeof REJECTION_CODES)[number];

export interface Rejection {
  ok: false;
  code: RejectionCode;
  /** Technical detail for logs and the popup's details line (English, not localised). */
  detail?: string;
}

export function reject(code: RejectionCode, detail?: string): Rejection {
  return detail === undefined ? { ok: false, code } : { ok: false, code, detail };
}

export function rejectionLocaleKey(code: RejectionCode): string {
  return `reason_${code.replaceAll('-', '_')}`;
}
