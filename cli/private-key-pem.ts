import { decodeBase64, encodeBase64 } from '../lib/registry/base64';
import { CliError } from './cli-error';

const PEM_BLOCK = /-----BEGIN PRIVATE KEY-----([\s\S]*?)-----END PRIVATE KEY-----/g;

/** PKCS #8 DER as the PEM text OpenSSL and Node's crypto read and write. */
export function encodePrivateKeyPem(pkcs8: Uint8Array): string {
  const body = encodeBase64(pkcs8).replace(/.{1,64}/g, '$&\n');
  return `-----BEGIN PRIVATE KEY-----\n${body}-----END PRIVATE KEY-----\n`;
}

/**
 * Reads one or more private keys: PEM blocks (`BEGIN PRIVATE KEY`), or bare
 * base64 of PKCS #8 DER separated by commas or white space.
 */
export function decodePrivateKeys(text: string, where: string): Uint8Array[] {
  const keys: Uint8Array[] = [];
  const blocks = [...text.matchAll(PEM_BLOCK)];
  const parts = blocks.length > 0 ? blocks.map((block) => block[1] ?? '') : text.split(/[,\s]+/);
  for (const part of parts) {
    const base64 = part.replace(/\s+/g, '');
    if (base64 === '') continue;
    const der = decodeBase64(base64);
    if (der === null) throw new CliError(`${where}: not a PKCS #8 private key (PEM or base64)`);
    keys.push(der);
  }
  if (keys.length === 0) {
    if (/BEGIN [A-Z ]*PRIVATE KEY/.test(text)) {
      throw new CliError(`${where}: only unencrypted PKCS #8 keys ("BEGIN PRIVATE KEY") are read`);
    }
    throw new CliError(`${where}: no private key found`);
  }
  return keys;
}
