import { decodeBase64 } from './base64';
import type { Rejection } from './rejection';
import { reject } from './rejection';

export interface ParsedSignature {
  /** The signer's hint, if it gave one: 64 lower-case hex digits. */
  keyid: string | null;
  sig: Uint8Array;
}

export interface ParsedEnvelope {
  ok: true;
  payloadType: string;
  payloadBytes: Uint8Array;
  signatures: ParsedSignature[];
}

const KEYID = /^[0-9a-f]{64}$/;
const ENVELOPE_FIELDS = new Set(['payloadType', 'payload', 'signatures']);
const SIGNATURE_FIELDS = new Set(['keyid', 'sig']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unknownField(record: Record<string, unknown>, allowed: ReadonlySet<string>): string | undefined {
  return Object.keys(record).find((key) => !allowed.has(key));
}

/**
 * Reads a DSSE JSON envelope (docs/registry-format.md, "Envelope") from its bytes. The envelope is
 * read strictly — UTF-8, known fields only, strict base64 — so that any
 * change to it changes what is verified. The payload type is returned, not
 * judged: the caller knows which type it expects.
 */
export function parseEnvelope(bytes: Uint8Array): ParsedEnvelope | Rejection {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes));
  } catch (error) {
    return reject('envelope-not-json', error instanceof Error ? error.message : undefined);
  }
  if (!isRecord(json)) return reject('envelope-malformed', 'the envelope is not a JSON object');
  const extra = unknownField(json, ENVELOPE_FIELDS);
  if (extra !== undefined) return reject('envelope-malformed', `unknown field "${extra}"`);
  const { payloadType, payload, signatures } = json;
  if (typeof payloadType !== 'string') return reject('envelope-malformed', 'payloadType is not a string');
  if (typeof payload !== 'string') return reject('envelope-malformed', 'payload is not a string');
  if (signatures === undefined) return reject('no-signatures', 'the envelope has no signatures field');
  if (!Array.isArray(signatures)) return reject('envelope-malformed', 'signatures is not an array');

  const parsed: ParsedSignature[] = [];
  for (const [index, signature] of signatures.entries()) {
    if (!isRecord(signature)) return reject('envelope-malformed', `signatures[${index}] is not an object`);
    const extraField = unknownField(signature, SIGNATURE_FIELDS);
    if (extraField !== undefined) {
      return reject('envelope-malformed', `signatures[${index}] has unknown field "${extraField}"`);
    }
    const { keyid, sig } = signature;
    if (typeof sig !== 'string')
      return reject('envelope-malformed', `signatures[${index}].sig is not a string`);
    if (keyid !== undefined && typeof keyid !== 'string') {
      return reject('envelope-malformed', `signatures[${index}].keyid is not a string`);
    }
    if (keyid !== undefined && keyid !== '' && !KEYID.test(keyid)) {
      return reject('envelope-malformed', `signatures[${index}].keyid is not 64 lower-case hex digits`);
    }
    const sigBytes = decodeBase64(sig);
    if (sigBytes === null) return reject('base64-invalid', `signatures[${index}].sig is not base64`);
    parsed.push({ keyid: keyid === undefined || keyid === '' ? null : keyid, sig: sigBytes });
  }

  const payloadBytes = decodeBase64(payload);
  if (payloadBytes === null) return reject('base64-invalid', 'payload is not base64');
  return { ok: true, payloadType, payloadBytes, signatures: parsed };
}
