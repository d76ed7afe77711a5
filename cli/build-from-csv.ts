import { relative } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { buildPayload } from '../lib/registry/build-payload';
import type { SourcedEntry } from '../lib/registry/merge-entries';
import { mergeEntries } from '../lib/registry/merge-entries';
import { JURISDICTION_PATTERN } from '../lib/registry/payload-schema';
import type { RegistryBrand, RegistryPayload } from '../lib/registry/types';
import { readBrandsCsv } from './brands-csv';
import { CliError, UsageError } from './cli-error';
import type { Io } from './io';
import { resolvePath } from './io';
import { parseInteger, parseTime, requireOption } from './parse-options';
import type { PayloadFile } from './read-payload-file';
import { readPayloadFile } from './read-payload-file';
import { formatProblem, type CsvProblem } from './csv-table';
import { readEntriesCsv, readSourcesCsv, type EntryCsvKind } from './registry-csv';

export const DEFAULT_VALID_DAYS = 14;
const MAX_PROBLEMS_SHOWN = 50;

/** The options `build` and `publish` share, for `parseOptions`. */
export const BUILD_OPTIONS = {
  sources: { type: 'string' },
  licensed: { type: 'string', multiple: true, default: [] as string[] },
  warnings: { type: 'string', multiple: true, default: [] as string[] },
  blocked: { type: 'string', multiple: true, default: [] as string[] },
  brands: { type: 'string' },
  previous: { type: 'string' },
  'valid-days': { type: 'string' },
  'issued-at': { type: 'string' },
  version: { type: 'string' },
  jurisdiction: { type: 'string', default: 'KZ' },
} satisfies NonNullable<ParseArgsConfig['options']>;

export interface BuildValues {
  sources?: string | undefined;
  licensed: string[];
  warnings: string[];
  blocked: string[];
  brands?: string | undefined;
  previous?: string | undefined;
  'valid-days'?: string | undefined;
  'issued-at'?: string | undefined;
  version?: string | undefined;
  jurisdiction: string;
}

function fail(verb: string, io: Io, lines: string[], message: string): never {
  for (const line of lines.slice(0, MAX_PROBLEMS_SHOWN)) io.err(line);
  if (lines.length > MAX_PROBLEMS_SHOWN) io.err(`… and ${lines.length - MAX_PROBLEMS_SHOWN} more`);
  throw new CliError(`${verb}: ${message}; nothing written`);
}

/** Reads the CSV exports and builds the next payload; every problem is reported before anything is written. */
export async function buildFromCsv(
  verb: string,
  values: BuildValues,
  io: Io,
): Promise<{ payload: RegistryPayload; previous: PayloadFile | null }> {
  const sourcesFile = requireOption(verb, 'sources', values.sources);
  const inputs: [EntryCsvKind, string][] = [
    ...values.licensed.map((file): [EntryCsvKind, string] => ['licensed', file]),
    ...values.warnings.map((file): [EntryCsvKind, string] => ['warnings', file]),
    ...values.blocked.map((file): [EntryCsvKind, string] => ['blocked', file]),
  ];
  if (inputs.length === 0)
    throw new UsageError(`${verb}: give at least one of --licensed, --warnings, --blocked`);
  const validDaysText = values['valid-days'] ?? String(DEFAULT_VALID_DAYS);
  const validDays = Number(validDaysText);
  if (!/^\d+(\.\d+)?$/.test(validDaysText) || !(validDays > 0)) {
    throw new UsageError(`${verb}: --valid-days must be a positive number of days, got "${validDaysText}"`);
  }
  const version = parseInteger(verb, 'version', values.version);
  const issuedAt = parseTime(verb, 'issued-at', values['issued-at']) ?? new Date();
  if (!JURISDICTION_PATTERN.test(values.jurisdiction)) {
    throw new UsageError(`${verb}: --jurisdiction must be two capital letters, got "${values.jurisdiction}"`);
  }

  const shown = (file: string) => relative(io.cwd, resolvePath(io, file)) || file;
  const problems: CsvProblem[] = [];
  const sources = await readSourcesCsv(resolvePath(io, sourcesFile), shown(sourcesFile));
  problems.push(...sources.problems);
  const rows: SourcedEntry[] = [];
  const ended: CsvProblem[] = [];
  for (const [kind, file] of inputs) {
    const read = await readEntriesCsv(resolvePath(io, file), shown(file), kind, issuedAt);
    problems.push(...read.problems);
    ended.push(...read.ended);
    rows.push(...read.rows);
  }
  let brands: RegistryBrand[] | undefined;
  if (values.brands !== undefined) {
    const read = await readBrandsCsv(resolvePath(io, values.brands), shown(values.brands));
    problems.push(...read.problems);
    brands = read.brands;
  }
  if (problems.length > 0) {
    fail(verb, io, problems.map(formatProblem), `${problems.length} problem(s) in the CSV input`);
  }
  // Published all the same: the client turns an ended licence into a warning on that very day.
  for (const problem of ended) io.err(`warning: ${formatProblem(problem)}`);

  const merged = mergeEntries(rows);
  for (const duplicate of merged.duplicates) {
    io.err(`note: ${duplicate.target} repeated at ${duplicate.origins.join(', ')}; kept once`);
  }
  if (merged.conflicts.length > 0) {
    const lines = merged.conflicts.map(
      (c) => `${c.origins.join(', ')}: ${c.target} is given differently; keep one row`,
    );
    fail(verb, io, lines, `${merged.conflicts.length} conflicting target(s)`);
  }

  const previous =
    values.previous === undefined ? null : await readPayloadFile(resolvePath(io, values.previous));
  const built = buildPayload({
    jurisdiction: values.jurisdiction,
    sources: sources.sources,
    entries: merged.entries,
    ...(brands === undefined ? {} : { brands }),
    previousVersion: previous?.payload.version ?? null,
    ...(version === undefined ? {} : { version }),
    issuedAt,
    validDays,
  });
  if (!built.ok) fail(verb, io, built.errors, 'the payload does not validate');
  return { payload: built.payload, previous };
}
