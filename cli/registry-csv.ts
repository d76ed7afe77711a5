import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { SourcedEntry } from '../lib/registry/merge-entries';
import type { TargetProblem } from '../lib/registry/normalise-target';
import { normaliseTarget } from '../lib/registry/normalise-target';
import {
  BRAND_PATTERN,
  DATE_PATTERN,
  DATE_TIME_PATTERN,
  HTTP_URL_PATTERN,
  MAX_TEXT_LENGTH,
  MAX_URL_LENGTH,
  MIN_BRAND_LENGTH,
  SOURCE_ID_PATTERN,
} from '../lib/registry/payload-schema';
import { dayOf, hasBidiControl, isCalendarDate } from '../lib/registry/publisher-text';
import {
  ENTRY_REASONS,
  type EntryStatus,
  type RegistryEntry,
  type RegistrySource,
} from '../lib/registry/types';

/**
 * The publisher's CSV exports (documented in docs/publishing.md). The first
 * row names the columns, in any order; `note` is for people and never
 * published; lines starting with `#` are comments. Every problem names the
 * file, the line and the column (the field's position, counted from 1).
 */
export type EntryCsvKind = 'licensed' | 'warnings' | 'blocked';

interface ColumnSpec {
  required: readonly string[];
  optional: readonly string[];
}

/** Columns every entry file may have; `valid_until` is refused on a row that is not a licence, `reason` on one that is. */
const ENTRY_COMMON = ['name', 'licence', 'brand', 'since', 'url', 'valid_until', 'reason', 'note'] as const;

export const CSV_COLUMNS: Record<EntryCsvKind | 'sources' | 'brands', ColumnSpec> = {
  sources: { required: ['id', 'title'], optional: ['url', 'retrievedAt', 'note'] },
  licensed: { required: ['target', 'source'], optional: ENTRY_COMMON },
  warnings: { required: ['target', 'source'], optional: [...ENTRY_COMMON, 'alternative'] },
  blocked: { required: ['target', 'source'], optional: ENTRY_COMMON },
  brands: { required: ['brand', 'sites'], optional: ['name', 'note'] },
};

const STATUS_OF: Record<EntryCsvKind, EntryStatus> = {
  licensed: 'licensed',
  warnings: 'warning',
  blocked: 'blocked',
};

export interface CsvProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export function formatProblem(problem: CsvProblem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;
}

const TARGET_PROBLEMS: Record<TargetProblem, string> = {
  empty: 'is empty',
  'too-long': 'is too long',
  whitespace: 'contains white space',
  'non-ascii': 'contains non-ASCII characters',
  scheme: 'has a scheme (write the host alone, without https://)',
  credentials: 'has credentials (user@)',
  port: 'has a port',
  'query-or-fragment': 'has a query or fragment',
  'not-lower-case': 'is not lower case',
  'trailing-dot': 'ends with a dot',
  'single-label': 'is a single label, not a host name',
  'invalid-host': 'is not a valid host name',
  'invalid-path': 'has an invalid path',
  'not-normalised': 'is not in normal form',
};

export interface Row {
  line: number;
  cell(name: string): { value: string; column: number } | undefined;
  columnOf(name: string): number;
}

export interface Table {
  rows: Row[];
  problems: CsvProblem[];
}

function csvErrorPosition(
  error: unknown,
  text: string,
  lastGoodLine: number,
): { line: number; column: number } {
  const record = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  let line = typeof record.lines === 'number' ? record.lines : 1;
  const column = typeof record.index === 'number' ? record.index + 1 : 1;
  // The parser reports an unclosed quote where the file ends; the quote opened on the record after the last good one.
  if (record.code === 'CSV_QUOTE_NOT_CLOSED') {
    const lines = text.split('\n');
    line = lastGoodLine + 1;
    while (line < lines.length && /^\s*$|^#/.test(lines[line - 1] ?? '')) line += 1;
  }
  return { line, column };
}

/** Parses a CSV file into rows addressed by column name, checking the header against the spec. */
export async function readTable(path: string, file: string, spec: ColumnSpec): Promise<Table> {
  const problems: CsvProblem[] = [];
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { rows: [], problems: [{ file, line: 1, column: 1, message: `cannot read: ${message}` }] };
  }
  let records: { record: string[]; info: { lines: number } }[];
  let lastGoodLine = 0;
  try {
    records = parse(text, {
      bom: true,
      info: true,
      trim: true,
      skip_empty_lines: true,
      comment: '#',
      comment_no_infix: true,
      relax_column_count: true,
      on_record: (record, context) => {
        lastGoodLine = context.lines;
        return record;
      },
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const { line, column } = csvErrorPosition(error, text, lastGoodLine);
    const unclosed = (error as { code?: unknown }).code === 'CSV_QUOTE_NOT_CLOSED';
    const message = unclosed
      ? 'a quoted field opened here is never closed'
      : error instanceof Error
        ? error.message
        : String(error);
    return { rows: [], problems: [{ file, line, column, message }] };
  }
  const [header, ...body] = records;
  if (header === undefined) {
    return {
      rows: [],
      problems: [{ file, line: 1, column: 1, message: 'the file is empty: no header row' }],
    };
  }
  const known = new Set([...spec.required, ...spec.optional]);
  const index = new Map<string, number>();
  header.record.forEach((name, i) => {
    if (!known.has(name)) {
      problems.push({
        file,
        line: header.info.lines,
        column: i + 1,
        message: `unknown column "${name}" (expected: ${[...known].join(', ')})`,
      });
    } else if (index.has(name)) {
      problems.push({
        file,
        line: header.info.lines,
        column: i + 1,
        message: `column "${name}" appears twice`,
      });
    } else {
      index.set(name, i);
    }
  });
  for (const name of spec.required) {
    if (!index.has(name)) {
      problems.push({ file, line: header.info.lines, column: 1, message: `missing column "${name}"` });
    }
  }
  if (problems.length > 0) return { rows: [], problems };

  const rows: Row[] = [];
  for (const { record, info } of body) {
    if (record.length !== header.record.length) {
      problems.push({
        file,
        line: info.lines,
        column: Math.min(record.length, header.record.length) + 1,
        message: `${record.length} fields, but the header has ${header.record.length}`,
      });
      continue;
    }
    rows.push({
      line: info.lines,
      cell(name) {
        const at = index.get(name);
        const value = at === undefined ? undefined : record[at];
        return at === undefined || value === undefined || value === ''
          ? undefined
          : { value, column: at + 1 };
      },
      columnOf: (name) => (index.get(name) ?? 0) + 1,
    });
  }
  return { rows, problems };
}

export type Check = (value: string) => string | null;

const REASONS: ReadonlySet<string> = new Set(ENTRY_REASONS);

export const textCheck: Check = (value) =>
  value.length > MAX_TEXT_LENGTH
    ? `is longer than ${MAX_TEXT_LENGTH} characters`
    : hasBidiControl(value)
      ? 'holds a direction control character (U+200E/F, U+202A-E, U+2066-9)'
      : null;
const urlCheck: Check = (value) =>
  value.length <= MAX_URL_LENGTH && HTTP_URL_PATTERN.test(value) ? null : 'is not an http(s) URL';
const idCheck: Check = (value) =>
  SOURCE_ID_PATTERN.test(value) ? null : 'is not a source id (lower-case letters, digits, ".", "_", "-")';
const dateCheck: Check = (value) => (DATE_PATTERN.test(value) ? null : 'is not a date (YYYY-MM-DD)');
const dateTimeCheck: Check = (value) =>
  DATE_TIME_PATTERN.test(value) ? null : 'is not a date and time (2026-11-20T05:00:00Z)';
export const brandCheck: Check = (value) =>
  !BRAND_PATTERN.test(value)
    ? 'is not a brand (lower-case ASCII letters, digits, inner hyphens)'
    : value.length < MIN_BRAND_LENGTH
      ? `is shorter than ${MIN_BRAND_LENGTH} letters: too short to protect from lookalikes`
      : null;
const calendarDateCheck: Check = (value) => (isCalendarDate(value) ? null : 'is not a date (YYYY-MM-DD)');
const reasonCheck: Check = (value) =>
  REASONS.has(value) ? null : `is not a known reason (${ENTRY_REASONS.join(', ')})`;

export function field(
  row: Row,
  name: string,
  file: string,
  problems: CsvProblem[],
  check: Check,
): string | undefined {
  const cell = row.cell(name);
  if (cell === undefined) return undefined;
  const why = check(cell.value);
  if (why === null) return cell.value;
  problems.push({ file, line: row.line, column: cell.column, message: `${name} "${cell.value}" ${why}` });
  return undefined;
}

export function targetField(
  row: Row,
  name: string,
  file: string,
  problems: CsvProblem[],
): string | undefined {
  const cell = row.cell(name);
  if (cell === undefined) return undefined;
  const result = normaliseTarget(cell.value);
  if (result.ok) return result.target;
  const why = TARGET_PROBLEMS[result.problem];
  problems.push({ file, line: row.line, column: cell.column, message: `${name} "${cell.value}" ${why}` });
  return undefined;
}

export function requireCell(row: Row, name: string, file: string, problems: CsvProblem[]): boolean {
  if (row.cell(name) !== undefined) return true;
  problems.push({ file, line: row.line, column: row.columnOf(name), message: `${name} is empty` });
  return false;
}

export async function readSourcesCsv(
  path: string,
  file: string,
): Promise<{ sources: RegistrySource[]; problems: CsvProblem[] }> {
  const table = await readTable(path, file, CSV_COLUMNS.sources);
  const problems = [...table.problems];
  const sources: RegistrySource[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    if (!requireCell(row, 'id', file, problems) || !requireCell(row, 'title', file, problems)) continue;
    const id = field(row, 'id', file, problems, idCheck);
    const title = field(row, 'title', file, problems, textCheck);
    const url = field(row, 'url', file, problems, urlCheck);
    const retrievedAt = field(row, 'retrievedAt', file, problems, dateTimeCheck);
    if (id === undefined || title === undefined) continue;
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      const column = row.columnOf('id');
      problems.push({
        file,
        line: row.line,
        column,
        message: `source id "${id}" already given on line ${earlier}`,
      });
      continue;
    }
    seen.set(id, row.line);
    const source: RegistrySource = { id, title };
    if (url !== undefined) source.url = url;
    if (retrievedAt !== undefined) source.retrievedAt = retrievedAt;
    sources.push(source);
  }
  return { sources, problems };
}

/** A column filled on a row of a kind it means nothing for: refused rather than silently dropped. */
function misplaced(row: Row, name: string, file: string, problems: CsvProblem[], why: string): void {
  const cell = row.cell(name);
  if (cell !== undefined)
    problems.push({ file, line: row.line, column: cell.column, message: `${name} ${why}` });
}

export interface EntriesCsv {
  rows: SourcedEntry[];
  problems: CsvProblem[];
  /** Licensed rows whose licence has already ended on `today`: published, but the publisher should look. */
  ended: CsvProblem[];
}

export async function readEntriesCsv(
  path: string,
  file: string,
  kind: EntryCsvKind,
  today: Date = new Date(),
): Promise<EntriesCsv> {
  const table = await readTable(path, file, CSV_COLUMNS[kind]);
  const problems = [...table.problems];
  const rows: SourcedEntry[] = [];
  const ended: CsvProblem[] = [];
  for (const row of table.rows) {
    const before = problems.length;
    if (kind === 'licensed')
      misplaced(row, 'reason', file, problems, 'is for warnings and blocks, not licences');
    else misplaced(row, 'valid_until', file, problems, 'is for licences only');
    if (!requireCell(row, 'target', file, problems) || !requireCell(row, 'source', file, problems)) continue;
    const target = targetField(row, 'target', file, problems);
    const entry: RegistryEntry = { target: target ?? '', status: STATUS_OF[kind] };
    const name = field(row, 'name', file, problems, textCheck);
    const licence = field(row, 'licence', file, problems, textCheck);
    const brand = field(row, 'brand', file, problems, brandCheck);
    const alternative = targetField(row, 'alternative', file, problems);
    const source = field(row, 'source', file, problems, idCheck);
    const since = field(row, 'since', file, problems, dateCheck);
    const url = field(row, 'url', file, problems, urlCheck);
    const validUntil = field(row, 'valid_until', file, problems, calendarDateCheck);
    const reason = field(row, 'reason', file, problems, reasonCheck);
    if (problems.length > before) continue;
    if (validUntil !== undefined && validUntil <= dayOf(today)) {
      const column = row.columnOf('valid_until');
      ended.push({
        file,
        line: row.line,
        column,
        message: `the licence of ${entry.target} ended on ${validUntil}`,
      });
    }
    if (name !== undefined) entry.name = name;
    if (licence !== undefined) entry.licence = licence;
    if (brand !== undefined) entry.brand = brand;
    if (alternative !== undefined) entry.alternative = alternative;
    if (source !== undefined) entry.source = source;
    if (since !== undefined) entry.since = since;
    if (url !== undefined) entry.url = url;
    if (validUntil !== undefined) entry.validUntil = validUntil;
    if (reason !== undefined) entry.reason = reason;
    rows.push({ entry, origin: `${file}:${row.line}` });
  }
  return { rows, problems, ended };
}
