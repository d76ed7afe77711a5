import { readFile } from 'node:fs/promises';
import { decodeBase64 } from '../lib/registry/base64';
import type { RegistryPayload } from '../lib/registry/types';
import { parsePayload } from '../lib/registry/validate-payload';
import { CliError } from './cli-error';

export interface PayloadFile {
  payload: RegistryPayload;
  skipped: number;
  /** The file was an envelope: its payload was read without checking a signature. */
  fromEnvelope: boolean;
}

/** Reads a payload from a payload file, or from the payload of an envelope file (unverified). */
export async function readPayloadFile(path: string): Promise<PayloadFile> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new CliError(`${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let fromEnvelope = false;
  try {
    const json: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (typeof json === 'object' && json !== null && 'payloadType' in json && 'payload' in json) {
      const decoded = typeof json.payload === 'string' ? decodeBase64(json.payload) : null;
      if (decoded === null) throw new CliError(`${path}: the envelope's payload is not base64`);
      bytes = decoded;
      fromEnvelope = true;
    }
  } catch (error) {
    if (error instanceof CliError) throw error;
  }
  const result = parsePayload(bytes);
  if (!result.ok)
    throw new CliError(`${path}: ${result.code}${result.detail === undefined ? '' : `: ${result.detail}`}`);
  return { payload: result.payload, skipped: result.skipped, fromEnvelope };
}
