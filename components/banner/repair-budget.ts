/**
 * How often the banner guard may repair: a page that fights back gets at most REPAIRS_PER_SECOND
 * repairs a second, then one repair every BACKOFF_MS, so a page that undoes every repair at once
 * cannot keep its own thread (and ours) busy repairing.
 */
export const REPAIRS_PER_SECOND = 60;
export const BACKOFF_MS = 250;

export class RepairBudget {
  private windowStart = 0;
  private used = 0;
  private pending = false;

  constructor(
    private readonly now: () => number,
    private readonly setTimer: (callback: () => void, ms: number) => void,
  ) {}

  /** Whether a spaced-out repair is waiting for its turn. */
  get waiting(): boolean {
    return this.pending;
  }

  /** True when a repair may run now; else `retry` runs once, after the backoff, and this is false. */
  spend(retry: () => void): boolean {
    const now = this.now();
    if (now - this.windowStart >= 1000) {
      this.windowStart = now;
      this.used = 0;
    }
    if (++this.used <= REPAIRS_PER_SECOND) return true;
    this.pending = true;
    this.setTimer(() => {
      this.pending = false;
      this.windowStart = this.now();
      this.used = 0;
      retry();
    }, BACKOFF_MS);
    return false;
  }
}
