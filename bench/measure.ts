/** Timing and memory helpers shared by the Node bench modules. */

export function percentile(sortedAscending: ArrayLike<number>, fraction: number): number {
  if (sortedAscending.length === 0) return NaN;
  const position = Math.min(
    sortedAscending.length - 1,
    Math.max(0, Math.ceil(fraction * sortedAscending.length) - 1),
  );
  return sortedAscending[position] ?? NaN;
}

export function median(values: readonly number[]): number {
  return percentile(Float64Array.from(values).sort(), 0.5);
}

/** Milliseconds taken by `work`, as the median of `repeats` runs. */
export function timeMedianMs(repeats: number, work: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return median(times);
}

export function forceGc(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('Memory figures need --expose-gc (run through `npm run bench`).');
  for (let i = 0; i < 3; i++) gc();
}

/** Bytes held by the JS heap plus ArrayBuffer storage, after a full collection. */
export function retainedBytes(): number {
  forceGc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/** Keeps a value observably alive so the optimiser cannot drop the work that made it. */
export let sink: unknown = null;
export function consume(value: unknown): void {
  sink = value;
}
