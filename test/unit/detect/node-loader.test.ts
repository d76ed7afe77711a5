/**
 * The evaluation, the benchmarks and the CLI run the detectors under Node's own loader (tsx),
 * which reads a `?raw` JSON import as the parsed object, where the bundler and this test runner
 * give its text. The lookalike detector must work under both.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');

it('skeletons a homograph under Node’s own loader, as under the bundler', () => {
  const script = [
    "import { confusableSkeleton } from './lib/detect/lookalike/confusable-skeleton';",
    // Cyrillic і and ү in place of Latin i and y.
    "console.log(confusableSkeleton('b\\u04afb\\u0456t'));",
  ].join('\n');
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(run.stderr).toBe('');
  expect(run.stdout.trim()).toBe('bybit');
});
