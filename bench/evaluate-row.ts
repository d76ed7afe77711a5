import type { BenchRow, RecordedRow } from './types';

export function evaluateRow(row: BenchRow): RecordedRow {
  const ratio = row.peer && row.peer.value > 0 ? row.value / row.peer.value : undefined;
  if (!row.target) return { ...row, ratio };
  const measured = row.target.on === 'ratio' ? ratio : row.value;
  const pass =
    measured !== undefined &&
    Number.isFinite(measured) &&
    (row.target.op === '<=' ? measured <= row.target.value : measured >= row.target.value);
  return { ...row, ratio, pass };
}
