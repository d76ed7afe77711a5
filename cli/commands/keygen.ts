import { chmod, open } from 'node:fs/promises';
import { generateSigningKey } from '../../lib/registry/sign-envelope';
import { CliError } from '../cli-error';
import type { Io } from '../io';
import { resolvePath } from '../io';
import { parseOptions, requireOption } from '../parse-options';
import { encodePrivateKeyPem } from '../private-key-pem';

export const KEYGEN_USAGE = `Usage: npm run registry -- keygen --out <private-key.pem> [--force]

Makes an Ed25519 signing key. Writes the private key (PKCS #8 PEM, mode 0600)
to --out and prints the public key (base64 of the raw 32 bytes, the form the
extension trusts) and its keyid (hex SHA-256 of the raw key).

  --out <file>   where to write the private key; never commit it
  --force        replace an existing file`;

export async function keygen(args: string[], io: Io): Promise<number> {
  const { values } = parseOptions('keygen', args, {
    out: { type: 'string' },
    force: { type: 'boolean', default: false },
  });
  const out = resolvePath(io, requireOption('keygen', 'out', values.out));
  const key = await generateSigningKey();
  let handle;
  try {
    handle = await open(out, values.force ? 'w' : 'wx', 0o600);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EEXIST') throw new CliError(`keygen: ${values.out} exists; pass --force to replace it`);
    throw new CliError(`keygen: cannot write ${values.out}: ${error instanceof Error ? error.message : ''}`);
  }
  try {
    await handle.writeFile(encodePrivateKeyPem(key.pkcs8));
  } finally {
    await handle.close();
  }
  // A replaced file keeps its old mode: set it again.
  await chmod(out, 0o600);
  io.out(`public key: ${key.publicKey}`);
  io.out(`keyid: ${key.keyid}`);
  io.err(`private key written to ${values.out} (mode 0600): keep it secret, never commit it`);
  return 0;
}
