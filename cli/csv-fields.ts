/**
 * The checks of single cells of the publisher's CSV files: each names what is wrong with a value,
 * and a problem is recorded at the cell's line and column.
 */
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
import { hasBidiControl, isCalendarDate } from '../lib/registry/publisher-text';
import { ENTRY_REASONS } from '../lib/registry/types';
import type { CsvProblem, Row } from './csv-table';

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

export type Check = (value: string) => string | null;

const REASONS: ReadonlySet<string> = new Set(ENTRY_REASONS);

export const textCheck: Check = (value) =>
  value.length > MAX_TEXT_LENGTH
    ? `is longer than ${MAX_TEXT_LENGTH} characters`
    : hasBidiControl(value)
      ? 'holds a direction control character (U+200E/F, U+202A-E, U+2066-9)'
      : null;
export const urlCheck: Check = (value) =>
  value.length <= MAX_URL_LENGTH && HTTP_URL_PATTERN.test(value) ? null : 'is not an http(s) URL';
export const idCheck: Check = (value) =>
  SOURCE_ID_PATTERN.test(value) ? null : 'is not a source id (lower-case letters, digits, ".", "_", "-")';
export const dateCheck: Check = (value) => (DATE_PATTERN.test(value) ? null : 'is not a date (YYYY-MM-DD)');
export const dateTimeCheck: Check = (value) =>
  DATE_TIME_PATTERN.test(value) ? null : 'is not a date and time (2026-11-20T05:00:00Z)';
export const brandCheck: Check = (value) =>
  !BRAND_PATTERN.test(value)
    ? 'is not a brand (lower-case ASCII letters, digits, inner hyphens)'
    : value.length < MIN_BRAND_LENGTH
      ? `is shorter than ${MIN_BRAND_LENGTH} letters: too short to protect from lookalikes`
      : null;
export const calendarDateCheck: Check = (value) =>
  isCalendarDate(value) ? null : 'is not a date (YYYY-MM-DD)';
export const reasonCheck: Check = (value) =>
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

/** A column filled on a row of a kind it means nothing for: refused rather than silently dropped. */
export function misplaced(row: Row, name: string, file: string, problems: CsvProblem[], why: string): void {
  const cell = row.cell(name);
  if (cell !== undefined)
    problems.push({ file, line: row.line, column: cell.column, message: `${name} ${why}` });
}
