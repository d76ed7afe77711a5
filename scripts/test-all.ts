// Runs every test suite the project has, in order, and stops at the first failure.
import { spawnSync } from 'node:child_process';

const steps: [label: string, command: string, args: string[]][] = [
  ['check (types, lint, format)', 'npm', ['run', 'check']],
  ['unit and property tests', 'npx', ['vitest', 'run']],
  ['Chrome build', 'npm', ['run', 'build']],
  ['Firefox build', 'npm', ['run', 'build:firefox']],
  ['web-ext lint of the Firefox build', 'npm', ['run', 'lint:firefox']],
  ['end-to-end tests in Chromium and Firefox', 'npx', ['playwright', 'test']],
];

for (const [label, command, args] of steps) {
  console.log(`\n=== ${label} ===`);
  const started = Date.now();
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  if (status !== 0) {
    console.error(`\n✘ ${label} failed (exit ${status}).`);
    process.exit(status ?? 1);
  }
  console.log(`✓ ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
console.log('\nAll test suites passed.');
