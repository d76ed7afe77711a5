import { readFile } from 'node:fs/promises';
import { acceptRegistry } from '../../lib/registry/accept-registry';
import { MAX_ENVELOPE_BYTES } from '../../lib/registry/limits';
import { CliError } from '../cli-error';
import type { Io } from '../io';
import { resolvePath } from '../io';
import { parseInteger, parseOptions, parseTime } from '../parse-options';

export const TRUSTED_KEYS_ENV = 'QORGAN_TRUSTED_KEYS';

export const VERIFY_USAGE = `Usage: npm run registry -- verify <envelope.json> [--key <base64>]... [--installed-version <n>] [--now <time>]

Checks an envelope exactly as the extension does: a signature by a trusted key,
a valid payload, not expired, not issued more than an hour ahead, and (with
--installed-version) a strictly newer version. Prints the reason and exits 1
when the extension would refuse it.

  <envelope.json>            the envelope (or --in <file>)
  --key <base64>             a trusted public key (base64 of the raw 32 bytes);
                             repeat for several. Also read from ${TRUSTED_KEYS_ENV}
                             (comma-separated).
  --installed-version <n>    the version a client has installed
  --now <time>               judge expiry at this time instead of the clock`;

export async function verify(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(
    'verify',
    args,
    {
      in: { type: 'string' },
      key: { type: 'string', multiple: true, default: [] },
      'installed-version': { type: 'string' },
      now: { type: 'string' },
    },
    1,
  );
  const input = values.in ?? positionals[0];
  if (input === undefined) throw new CliError('verify: name the envelope file', 2);
  const installedVersion = parseInteger('verify', 'installed-version', values['installed-version']) ?? null;
  const now = parseTime('verify', 'now', values.now) ?? new Date();
  const fromEnv = (io.env[TRUSTED_KEYS_ENV] ?? '').split(',').map((key) => key.trim());
  const trustedKeys = [...values.key, ...fromEnv].filter((key) => key !== '');

  let bytes: Uint8Array;
  try {
    bytes = await readFile(resolvePath(io, input));
  } catch (error) {
    throw new CliError(`verify: cannot read ${input}: ${error instanceof Error ? error.message : ''}`);
  }
  if (bytes.length > MAX_ENVELOPE_BYTES) io.err(`warning: ${input} is larger than clients read`);
  const result = await acceptRegistry({ bytes, trustedKeys, installedVersion, now });
  if (!result.ok) {
    io.out(`rejected: ${result.code}${result.detail === undefined ? '' : `: ${result.detail}`}`);
    return 1;
  }
  const { payload, skipped, dropped, keyids } = result;
  io.out(
    `accepted: version ${payload.version} (${payload.jurisdiction}), ${payload.entries.length} entries` +
      (skipped > 0 ? `, ${skipped} skipped (unknown status or malformed validUntil)` : '') +
      (payload.brands === undefined ? '' : `, ${payload.brands.length} brands`) +
      (dropped.brands + dropped.sites > 0
        ? ` (${dropped.brands} brands and ${dropped.sites} sites dropped)`
        : ''),
  );
  io.out(`issued ${payload.issuedAt}, expires ${payload.expiresAt}`);
  for (const keyid of keyids) io.out(`signed by keyid ${keyid}`);
  return 0;
}
