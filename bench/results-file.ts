import { readFile, writeFile } from 'node:fs/promises';
import type { ModuleResult, ResultsFile } from './types';

/** Writes the new results over the old file's, keeping the entries of modules that did not run. */
export async function mergeResults(path: string, fresh: ReadonlyMap<string, ModuleResult>): Promise<void> {
  let previous: ResultsFile['modules'] = {};
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as Partial<ResultsFile>;
    if (parsed.modules && typeof parsed.modules === 'object') previous = parsed.modules;
  } catch {
    // No file yet, or an unreadable one: start afresh.
  }
  const file: ResultsFile = {
    updatedAt: new Date().toISOString(),
    modules: { ...previous, ...Object.fromEntries(fresh) },
  };
  await writeFile(path, `${JSON.stringify(file, null, 2)}\n`);
}
