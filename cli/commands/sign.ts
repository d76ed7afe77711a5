import { readFile, stat, writeFile } from 'node:fs/promises';
import { MAX_ENVELOPE_BYTES } from '../../lib/registry/limits';
import type { SigningKey } from '../../lib/registry/sign-envelope';
import { importSigningKey, signEnvelope } from '../../lib/registry/sign-envelope';
import { parsePayload } from '../../lib/registry/validate-payload';
import { CliError, UsageError } from '../cli-error';
import type { Io } from '../io';
import { resolvePath } from '../io';
import { parseOptions, requireOption } from '../parse-options';
import { decodePrivateKeys } from '../private-key-pem';

export const SIGNING_KEY_ENV = 'QORGAN_SIGNING_KEY';

export const SIGN_USAGE = `Usage: npm run registry -- sign --in <payload.json> --out <envelope.json> [--key-file <key.pem>]...

Validates the payload and writes a DSSE envelope signed with every key given.
The payload file's bytes are signed exactly as they are.

  --in <file>         the payload, as written by "build"
  --out <file>        where to write the envelope
  --key-file <file>   a private key (PKCS #8 PEM); repeat for several keys
  Without --key-file, the keys are read from the environment variable
  ${SIGNING_KEY_ENV} (one or more PEM blocks, or base64 PKCS #8 DER separated
  by commas). A private key is never taken from a command-line argument.`;

export const KEY_ARGUMENTS = /^--(key|private-key|signing-key)(=|$)/;

async function readKeyFile(io: Io, file: string): Promise<Uint8Array[]> {
  const path = resolvePath(io, file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CliError(`sign: cannot read key file ${file}: ${error instanceof Error ? error.message : ''}`);
  }
  const mode = (await stat(path)).mode;
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    io.err(`warning: ${file} can be read by other users (mode ${(mode & 0o777).toString(8)}); use chmod 600`);
  }
  return decodePrivateKeys(text, file);
}

/** Keys from the files given, or else from ${SIGNING_KEY_ENV}; each distinct key once. */
export async function loadKeys(io: Io, files: string[], verb = 'sign'): Promise<SigningKey[]> {
  const ders: Uint8Array[] = [];
  if (files.length > 0) {
    for (const file of files) ders.push(...(await readKeyFile(io, file)));
  } else {
    const fromEnv = io.env[SIGNING_KEY_ENV];
    if (fromEnv === undefined || fromEnv.trim() === '') {
      throw new UsageError(
        verb === 'sign'
          ? `sign: no key: pass --key-file <file> or set ${SIGNING_KEY_ENV}`
          : `${verb}: no key: set ${SIGNING_KEY_ENV}`,
      );
    }
    ders.push(...decodePrivateKeys(fromEnv, SIGNING_KEY_ENV));
  }
  const keys: SigningKey[] = [];
  for (const der of ders) {
    try {
      const key = await importSigningKey(der);
      if (!keys.some((k) => k.keyid === key.keyid)) keys.push(key);
    } catch (error) {
      throw new CliError(
        `${verb}: a key is not an Ed25519 private key: ${error instanceof Error ? error.message : ''}`,
      );
    }
  }
  return keys;
}

export async function sign(args: string[], io: Io): Promise<number> {
  const secretArgument = args.find((arg) => KEY_ARGUMENTS.test(arg));
  if (secretArgument !== undefined) {
    throw new UsageError(
      `sign: private keys are never read from arguments (${secretArgument.split('=')[0]}): ` +
        `use --key-file or ${SIGNING_KEY_ENV}`,
    );
  }
  const { values } = parseOptions('sign', args, {
    in: { type: 'string' },
    out: { type: 'string' },
    'key-file': { type: 'string', multiple: true, default: [] },
  });
  const input = requireOption('sign', 'in', values.in);
  const output = requireOption('sign', 'out', values.out);
  const keys = await loadKeys(io, values['key-file']);

  let payloadBytes: Uint8Array;
  try {
    payloadBytes = await readFile(resolvePath(io, input));
  } catch (error) {
    throw new CliError(`sign: cannot read ${input}: ${error instanceof Error ? error.message : ''}`);
  }
  const validated = parsePayload(payloadBytes);
  if (!validated.ok) {
    throw new CliError(`sign: ${input} is not a valid payload: ${validated.code}: ${validated.detail ?? ''}`);
  }
  const { payload } = validated;
  if (Date.parse(payload.expiresAt) <= Date.now()) {
    io.err(`warning: the payload expired at ${payload.expiresAt}; clients will refuse it`);
  }
  const envelope = await signEnvelope(payloadBytes, keys);
  if (envelope.length > MAX_ENVELOPE_BYTES) {
    throw new CliError(
      `sign: the envelope would be ${envelope.length} bytes; clients read at most ${MAX_ENVELOPE_BYTES}`,
    );
  }
  await writeFile(resolvePath(io, output), envelope);
  io.out(`signed version ${payload.version} (${payload.entries.length} entries) with ${keys.length} key(s):`);
  for (const key of keys) io.out(`  keyid ${key.keyid}  public key ${key.publicKey}`);
  io.out(`wrote ${output} (${envelope.length} bytes)`);
  return 0;
}
