import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { diffPayloads } from '../../lib/registry/payload-diff';
import { serialisePayload } from '../../lib/registry/serialise-payload';
import type { RegistryPayload } from '../../lib/registry/types';
import { BUILD_OPTIONS, buildFromCsv, DEFAULT_VALID_DAYS } from '../build-from-csv';
import type { Io } from '../io';
import { resolvePath } from '../io';
import { parseOptions, requireOption } from '../parse-options';
import type { PayloadFile } from '../read-payload-file';

export { DEFAULT_VALID_DAYS };

export const BUILD_INPUT_USAGE = `  --sources <csv>      columns: id, title, url, retrievedAt, note
  --licensed <csv>     AFSA licences with their site; columns: target, source,
                       name, licence, brand, valid_until, since, url, note
  --warnings <csv>     regulator warnings; columns: target, source, name,
                       reason, licence, brand, alternative, since, url, note
  --blocked <csv>      blocked targets; columns: target, source, name, reason,
                       licence, brand, since, url, note
  --brands <csv>       brands protected from lookalikes; columns: brand, sites
                       (separated by ";"), name, note
  --previous <file>    the last published payload (or its envelope)
  --valid-days <n>     days until expiresAt (default ${DEFAULT_VALID_DAYS})
  --issued-at <time>   issuedAt (default: now)
  --version <n>        an explicit version, greater than the previous one
  --jurisdiction <XX>  default KZ`;

export const BUILD_USAGE = `Usage: npm run registry -- build --sources <sources.csv> [--licensed <csv>]... [--warnings <csv>]...
         [--blocked <csv>]... [--brands <csv>] [--previous <payload.json>] [--valid-days <n>]
         [--issued-at <time>] [--version <n>] [--jurisdiction KZ] --out <payload.json>

Builds the next payload from CSV exports: normalises every target, removes
duplicate rows, validates, assigns the version after --previous (or 1), and
sets issuedAt and expiresAt. Problems are reported as file:line:column; a
licence whose valid_until has already come is published with a warning.

${BUILD_INPUT_USAGE}
  --out <file>         where to write the payload`;

/** The summary lines `build` and `publish` print. */
export function reportBuilt(io: Io, payload: RegistryPayload, previous: PayloadFile | null): void {
  const count = (status: string) => payload.entries.filter((entry) => entry.status === status).length;
  io.out(
    `version ${payload.version}: ${payload.entries.length} entries ` +
      `(${count('licensed')} licensed, ${count('warning')} warning, ${count('blocked')} blocked), ` +
      `${payload.brands?.length ?? 0} brands, ${payload.sources.length} sources`,
  );
  io.out(`issued ${payload.issuedAt}, expires ${payload.expiresAt}`);
  if (previous !== null) {
    const change = diffPayloads(previous.payload, payload);
    io.out(
      `against version ${previous.payload.version}: ${change.added.length} added, ` +
        `${change.removed.length} removed, ${change.changed.length} changed`,
    );
  }
}

export async function build(args: string[], io: Io): Promise<number> {
  const { values } = parseOptions('build', args, { ...BUILD_OPTIONS, out: { type: 'string' } });
  const out = requireOption('build', 'out', values.out);
  const { payload, previous } = await buildFromCsv('build', values, io);
  const outPath = resolvePath(io, out);
  await mkdir(dirname(outPath), { recursive: true });
  await writeFile(outPath, serialisePayload(payload));
  reportBuilt(io, payload, previous);
  io.out(`wrote ${out}`);
  return 0;
}
