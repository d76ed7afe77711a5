/**
 * The publisher's CSV exports (documented in docs/publishing.md): the columns of each file, and
 * how a row becomes a source or an entry. `note` is for people and never published; reading a
 * file is csv-table.ts, checking a cell csv-fields.ts.
 */
import type { SourcedEntry } from '../lib/registry/merge-entries';
import { dayOf } from '../lib/registry/publisher-text';
import type { EntryStatus, RegistryEntry, RegistrySource } from '../lib/registry/types';
import {
  brandCheck,
  calendarDateCheck,
  dateCheck,
  dateTimeCheck,
  field,
  idCheck,
  misplaced,
  reasonCheck,
  requireCell,
  targetField,
  textCheck,
  urlCheck,
} from './csv-fields';
import { readTable, type ColumnSpec, type CsvProblem } from './csv-table';

export type EntryCsvKind = 'licensed' | 'warnings' | 'blocked';

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
