/** Runs one bench module (named in argv) inside the process the runner started, and reports its rows. */
import { BENCH_MODULES } from './modules';

async function runOne(name: string | undefined): Promise<void> {
  const entry = BENCH_MODULES.find((module) => module.name === name);
  if (!entry) throw new Error(`Unknown bench module: ${name}`);
  const module = await entry.load();
  const rows = await module.run();
  process.send?.({ rows });
}

try {
  await runOne(process.argv[2]);
} catch (error) {
  process.send?.({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exitCode = 1;
}
