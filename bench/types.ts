/**
 * The benchmark suite's one data type. A bench module is a file that exports
 *
 *   export async function run(): Promise<BenchRow[]>
 *
 * and is listed in `bench/modules.ts`. Each module runs in its own Node process
 * started with `--expose-gc` (so `globalThis.gc` exists and memory figures are
 * not disturbed by other modules); a module that drives a browser simply
 * launches it from there.
 */
export interface BenchRow {
  /** Stable identifier, used as the key in bench/results.json: `verdict.median`, `index.bytes-per-entry`. */
  metric: string;
  /** Human label for the printed table. */
  label: string;
  value: number;
  /** Unit of `value` (and of `target.value` unless the target is on the ratio): `µs`, `ms`, `B/entry`, `ops/s`. */
  unit: string;
  /**
   * A competitor measured in the same run on the same input, in the same unit.
   * The table shows `value / peer.value` as the ratio.
   */
  peer?: { name: string; value: number };
  /** The figure the project promises. `on: 'ratio'` compares value / peer.value instead of value. */
  target?: BenchTarget;
  /** Conditions worth knowing when reading the figure (entry count, mix, machine-dependent caveats). */
  note?: string;
}

export interface BenchTarget {
  op: '<=' | '>=';
  value: number;
  on?: 'value' | 'ratio';
}

export interface BenchModule {
  run(): Promise<BenchRow[]>;
}

/** A row as recorded, with the verdict on its target. */
export interface RecordedRow extends BenchRow {
  ratio?: number;
  /** Absent when the row has no target. */
  pass?: boolean;
}

export interface ModuleResult {
  ranAt: string;
  durationMs: number;
  environment: { node: string; platform: string; arch: string; cpus: number };
  rows: RecordedRow[];
  /** Set when the module failed to run; its rows are then empty. */
  error?: string;
}

/** The shape of bench/results.json. */
export interface ResultsFile {
  updatedAt: string;
  modules: Record<string, ModuleResult>;
}
