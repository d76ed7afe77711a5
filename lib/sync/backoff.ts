/**
 * When to try again. Failures back off exponentially from one minute up to
 * the sync interval; every delay carries jitter, so that a million browsers
 * started by one policy push or one outage do not arrive at the same second.
 */
export const FIRST_RETRY_MINUTES = 1;

export function retryDelayMinutes(failures: number, intervalMinutes: number, random: number): number {
  const exponential = FIRST_RETRY_MINUTES * 2 ** Math.max(0, Math.min(failures - 1, 20));
  const base = Math.min(exponential, intervalMinutes);
  return Math.max(FIRST_RETRY_MINUTES, base * (0.8 + 0.4 * random));
}

/** The first periodic sync after start: one interval, spread by up to a quarter of it. */
export function periodicDelayMinutes(intervalMinutes: number, random: number): number {
  return intervalMinutes * (1 + 0.25 * random);
}
