import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { buildPayload } from '../../lib/registry/build-payload';
import { JURISDICTION_PATTERN } from '../../lib/registry/payload-schema';
import type { SourcedEntry } from '../../lib/registry/merge-entries';
import { mergeEntries } from '../../lib/registry/merge-entries';
import { diffPayloads } from '../../lib/registry/payload-diff';
import { serialisePayload } from '../../lib/registry/serialise-payload';
import { CliError, UsageError } from '../cli-error';
import type { Io } from '../io';
import { resolvePath } from '../io';
import { parseInteger, parseOptions, parseTime, requireOption } from '../parse-options';
import { readPayloadFile } from '../read-payload-file';
import type { CsvProblem, EntryCsvKind } from '../registry-csv';
import { formatProblem, readEntriesCsv, readSourcesCsv } from '../registry-csv';

export const DEFAULT_VALID_DAYS = 14;
const MAX_PROBLEMS_SHOWN = 50;

export const BUILD_USAGE = `Usage: npm run registry -- build --sources <sources.csv> [--licensed <csv>]... [--warnings <csv>]...
         [--blocked <csv>]... [--previous <payload.json>] [--valid-days <n>] [--issued-at <time>]
         [--version <n>] [--jurisdiction KZ] --out <payload.json>

Builds the next payload from CSV exports: normalises every target, removes
duplicate rows, validates, assigns the version after --previous (or 1), and
sets issuedAt and expiresAt. Problems are reported as file:line:column.

  --sources <csv>      columns: id, title, url, retrievedAt, note
  --licensed <csv>     AFSA licences with their site; columns: target, source,
                       name, licence, brand, since, url, note
  --warnings <csv>     regulator warnings; columns: target, source, name,
                       alternative, since, url, note
  --blocked <csv>      blocked targets; columns: target, source, name, since, url, note
  --previous <file>    the last published payload (or its envelope)
  --valid-days <n>     days until expiresAt (default ${DEFAULT_VALID_DAYS})
  --issued-at <time>   issuedAt (default: now)
  --version <n>        an explicit version, greater than the previous one
  --jurisdiction <XX>  default KZ
  --out <file>         where to write the payload`;

export async function build(args: string[], io: Io): Promise<number> {
  const { values } = parseOptions('build', args, {
    sources: { type: 'string' },
    licensed: { type: 'string', multiple: true, default: [] },
    warnings: { type: 'string', multiple: true, default: [] },
    blocked: { type: 'string', multiple: true, default: [] },
    previous: { type: 'string' },
    'valid-days': { type: 'string' },
    'issued-at': { type: 'string' },
    version: { type: 'string' },
    jurisdiction: { type: 'string', default: 'KZ' },
    out: { type: 'string' },
  });
  const sourcesFile = requireOption('build', 'sources', values.sources);
  const out = requireOption('build', 'out', values.out);
  const inputs: [EntryCsvKind, string][] = [
    ...values.licensed.map((file): [EntryCsvKind, string] => ['licensed', file]),
    ...values.warnings.map((file): [EntryCsvKind, string] => ['warnings', file]),
    ...values.blocked.map((file): [EntryCsvKind, string] => ['blocked', file]),
  ];
  if (inputs.length === 0)
    throw new UsageError('build: give at least one of --licensed, --warnings, --blocked');
  const validDaysText = values['valid-days'] ?? String(DEFAULT_VALID_DAYS);
  const validDays = Number(validDaysText);
  if (!/^\d+(\.\d+)?$/.test(validDaysText) || !(validDays > 0)) {
    throw new UsageError(`build: --valid-days must be a positive number of days, got "${validDaysText}"`);
  }
  const version = parseInteger('build', 'version', values.version);
  const issuedAt = parseTime('build', 'issued-at', values['issued-at']) ?? new Date();
  if (!JURISDICTION_PATTERN.test(values.jurisdiction)) {
    throw new UsageError(`build: --jurisdiction must be two capital letters, got "${values.jurisdiction}"`);
  }

  const shown = (file: string) => relative(io.cwd, resolvePath(io, file)) || file;
  const problems: CsvProblem[] = [];
  const sources = await readSourcesCsv(resolvePath(io, sourcesFile), shown(sourcesFile));
  problems.push(...sources.problems);
  const rows: SourcedEntry[] = [];
  for (const [kind, file] of inputs) {
    const read = await readEntriesCsv(resolvePath(io, file), shown(file), kind);
    problems.push(...read.problems);
    rows.push(...read.rows);
  }
  if (problems.length > 0) {
    for (const problem of problems.slice(0, MAX_PROBLEMS_SHOWN)) io.err(formatProblem(problem));
    if (problems.length > MAX_PROBLEMS_SHOWN) io.err(`… and ${problems.length - MAX_PROBLEMS_SHOWN} more`);
    throw new CliError(`build: ${problems.length} problem(s) in the CSV input; nothing written`);
  }

  const merged = mergeEntries(rows);
  for (const duplicate of merged.duplicates) {
    io.err(`note: ${duplicate.target} repeated at ${duplicate.origins.join(', ')}; kept once`);
  }
  if (merged.conflicts.length > 0) {
    for (const conflict of merged.conflicts) {
      io.err(`${conflict.origins.join(', ')}: ${conflict.target} is given differently; keep one row`);
    }
    throw new CliError(`build: ${merged.conflicts.length} conflicting target(s); nothing written`);
  }

  const previous =
    values.previous === undefined ? null : await readPayloadFile(resolvePath(io, values.previous));
  const built = buildPayload({
    jurisdiction: values.jurisdiction,
    sources: sources.sources,
    entries: merged.entries,
    previousVersion: previous?.payload.version ?? null,
    ...(version === undefined ? {} : { version }),
    issuedAt,
    validDays,
  });
  if (!built.ok) {
    for (const error of built.errors.slice(0, MAX_PROBLEMS_SHOWN)) io.err(error);
    throw new CliError(`build: the payload does not validate; nothing written`);
  }
  const { payload } = built;
  const outPath = resolvePath(io, out);
  await mkdir(dirname(outPath), { recursive: true });
  await writeFile(outPath, serialisePayload(payload));

  const count = (status: string) => payload.entries.filter((entry) => entry.status === status).length;
  io.out(
    `version ${payload.version}: ${payload.entries.length} entries ` +
      `(${count('licensed')} licensed, ${count('warning')} warning, ${count('blocked')} blocked), ` +
      `${payload.sources.length} sources`,
  );
  io.out(`issued ${payload.issuedAt}, expires ${payload.expiresAt}`);
  if (previous !== null) {
    const change = diffPayloads(previous.payload, payload);
    io.out(
      `against version ${previous.payload.version}: ${change.added.length} added, ` +
        `${change.removed.length} removed, ${change.changed.length} changed`,
    );
  }
  io.out(`wrote ${out}`);
  return 0;
}
