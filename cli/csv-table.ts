/**
 * Reading one of the publisher's CSV files into rows addressed by column name (see
 * registry-csv.ts for the files). The first row names the columns, in any order; lines starting
 * with `#` are comments. Every problem names the file, the line and the column (the field's
 * position, counted from 1).
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';

export interface ColumnSpec {
  required: readonly string[];
  optional: readonly string[];
}

export interface CsvProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export function formatProblem(problem: CsvProblem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;
}

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
