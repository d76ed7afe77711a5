import type { ModuleResult } from './types';

const COLUMNS = ['module', 'metric', 'value', 'target', 'result', 'ratio'] as const;

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US');
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

export function formatTable(results: ReadonlyMap<string, ModuleResult>): string {
  const lines: string[][] = [];
  for (const [name, result] of results) {
    if (result.error) lines.push([name, 'module failed', result.error.split('\n')[0] ?? '', '', 'FAIL', '']);
    for (const row of result.rows) {
      const target = row.target
        ? `${row.target.op} ${formatNumber(row.target.value)}${row.target.on === 'ratio' ? 'x' : ` ${row.unit}`}`
        : '';
      const ratio = row.ratio === undefined ? '' : `${formatNumber(row.ratio)}x vs ${row.peer?.name ?? ''}`;
      const verdict = row.pass === undefined ? '' : row.pass ? 'pass' : 'FAIL';
      lines.push([name, row.label, `${formatNumber(row.value)} ${row.unit}`, target, verdict, ratio]);
    }
  }
  const widths = COLUMNS.map((title, c) =>
    Math.max(title.length, ...lines.map((line) => (line[c] ?? '').length)),
  );
  const render = (cells: readonly string[]): string =>
    cells
      .map((cell, c) => cell.padEnd(widths[c] ?? 0))
      .join('  ')
      .trimEnd();
  return [render(COLUMNS), render(widths.map((w) => '-'.repeat(w))), ...lines.map(render)].join('\n');
}
