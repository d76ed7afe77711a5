import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { acceptRegistry } from '../../lib/registry/accept-registry';
import { MAX_ENVELOPE_BYTES } from '../../lib/registry/limits';
import { serialisePayload } from '../../lib/registry/serialise-payload';
import { signEnvelope } from '../../lib/registry/sign-envelope';
import { BUILD_OPTIONS, buildFromCsv } from '../build-from-csv';
import { CliError, UsageError } from '../cli-error';
import type { Io } from '../io';
import { resolvePath } from '../io';
import { parseOptions, requireOption } from '../parse-options';
import { ENVELOPE_FILE, headersFile, renderIndex } from '../publish-site';
import { BUILD_INPUT_USAGE, reportBuilt } from './build';
import { KEY_ARGUMENTS, loadKeys, SIGNING_KEY_ENV } from './sign';

export const PUBLISH_USAGE = `Usage: npm run registry -- publish --sources <sources.csv> [--licensed <csv>]... [--warnings <csv>]...
         [--blocked <csv>]... [--brands <csv>] [--previous <registry.json>] [--valid-days <n>]
         [--issued-at <time>] [--version <n>] --out-dir <folder>

Builds the payload as "build" does, signs it with the keys in ${SIGNING_KEY_ENV}
(never a file or an argument), checks the envelope with the extension's own
acceptance code, and writes a static site folder for any static host:

  ${ENVELOPE_FILE}   the signed envelope: the registry URL points here
  index.html      what the registry holds, for people
  _headers        cache headers for Netlify and Cloudflare Pages
  .nojekyll       GitHub Pages: publish the folder as it is

${BUILD_INPUT_USAGE}
  --out-dir <dir>      the site folder (created; its files are replaced)`;

async function writeAtomically(path: string, data: Uint8Array | string): Promise<void> {
  // A rename never leaves a half-written registry for a host that is uploading the folder.
  await writeFile(`${path}.tmp`, data);
  await rename(`${path}.tmp`, path);
}

export async function publish(args: string[], io: Io): Promise<number> {
  const secretArgument = args.find((arg) => KEY_ARGUMENTS.test(arg) || arg.startsWith('--key-file'));
  if (secretArgument !== undefined) {
    throw new UsageError(
      `publish: the signing key comes only from ${SIGNING_KEY_ENV}, never from an argument or file`,
    );
  }
  const { values } = parseOptions('publish', args, { ...BUILD_OPTIONS, 'out-dir': { type: 'string' } });
  const outDir = resolvePath(io, requireOption('publish', 'out-dir', values['out-dir']));
  const keys = await loadKeys(io, [], 'publish');
  const { payload, previous } = await buildFromCsv('publish', values, io);

  const payloadBytes = serialisePayload(payload);
  const envelope = await signEnvelope(payloadBytes, keys);
  if (envelope.length > MAX_ENVELOPE_BYTES) {
    throw new CliError(
      `publish: the envelope would be ${envelope.length} bytes; clients read at most ${MAX_ENVELOPE_BYTES}`,
    );
  }
  const check = await acceptRegistry({
    bytes: envelope,
    trustedKeys: keys.map((key) => key.publicKey),
    installedVersion: previous?.payload.version ?? null,
    now: new Date(Date.parse(payload.issuedAt)),
  });
  if (!check.ok)
    throw new CliError(
      `publish: the extension would refuse this envelope: ${check.code}: ${check.detail ?? ''}`,
    );

  const keyids = keys.map((key) => key.keyid);
  const sha256 = createHash('sha256').update(envelope).digest('hex');
  await mkdir(outDir, { recursive: true });
  await writeAtomically(join(outDir, ENVELOPE_FILE), envelope);
  await writeAtomically(join(outDir, 'index.html'), renderIndex(payload, { keyids, sha256 }));
  await writeAtomically(join(outDir, '_headers'), headersFile());
  await writeAtomically(join(outDir, '.nojekyll'), '');

  reportBuilt(io, payload, previous);
  for (const key of keys) io.out(`signed with keyid ${key.keyid}  public key ${key.publicKey}`);
  io.out(
    `wrote ${ENVELOPE_FILE} (${envelope.length} bytes, sha256 ${sha256}), index.html, _headers, .nojekyll to ${values['out-dir'] ?? ''}`,
  );
  return 0;
}
