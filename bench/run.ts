/**
 * `npm run bench [-- <module> ...]`: runs the bench modules, each in its own
 * Node process with `--expose-gc`, prints one table and merges the figures
 * into bench/results.json. Exits non-zero when a figure misses its target or a
 * module fails.
 */
import { fork } from 'node:child_process';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateRow } from './evaluate-row';
import { BENCH_MODULES, selectModules } from './modules';
import { formatTable } from './print-table';
import { mergeResults } from './results-file';
import type { BenchRow, ModuleResult } from './types';

const benchDir = dirname(fileURLToPath(import.meta.url));
const projectRoot = dirname(benchDir);

interface ChildReport {
  rows?: BenchRow[];
  error?: string;
}

function runModuleInChild(name: string): Promise<ModuleResult> {
  const started = performance.now();
  const environment = {
    node: process.version,
    platform: process.platform,
    arch: process.arch,
    cpus: cpus().length,
  };
  return new Promise((resolve) => {
    let report: ChildReport = { error: 'the module process ended without reporting' };
    const child = fork(join(benchDir, 'run-module.ts'), [name], {
      cwd: projectRoot,
      execArgv: ['--expose-gc', '--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.on('message', (message: ChildReport) => {
      report = message;
    });
    const finish = (error?: string): void => {
      const rows = (report.rows ?? []).map(evaluateRow);
      const failure = error ?? report.error;
      resolve({
        ranAt: new Date().toISOString(),
        durationMs: Math.round(performance.now() - started),
        environment,
        rows,
        ...(failure ? { error: failure } : {}),
      });
    };
    child.on('error', (error) => finish(error.message));
    child.on('exit', (code, signal) =>
      finish(code === 0 ? undefined : (report.error ?? `the module process exited with ${signal ?? code}`)),
    );
  });
}

async function main(): Promise<void> {
  const filters = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const selected = selectModules(filters);
  if (selected.length === 0) {
    console.error(
      `No bench module matches ${filters.join(', ')}. Modules: ${BENCH_MODULES.map((m) => m.name).join(', ')}`,
    );
    process.exitCode = 2;
    return;
  }
  const results = new Map<string, ModuleResult>();
  for (const { name } of selected) {
    console.log(`running ${name} ...`);
    const result = await runModuleInChild(name);
    console.log(
      `  done in ${(result.durationMs / 1000).toFixed(1)} s${result.error ? ` (failed: ${result.error})` : ''}`,
    );
    results.set(name, result);
  }
  console.log(`\n${formatTable(results)}\n`);
  const resultsPath = join(benchDir, 'results.json');
  await mergeResults(resultsPath, results);
  console.log(`Results merged into bench/results.json`);
  const failed = [...results.values()].some(
    (r) => r.error !== undefined || r.rows.some((row) => row.pass === false),
  );
  if (failed) process.exitCode = 1;
}

await main();
