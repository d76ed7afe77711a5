/**
 * A token bucket per key (a tab): `capacity` requests at once, then one every
 * `refillMs`. A page that rewrites its links without pause must not make the
 * background judge without pause.
 */
export interface RateLimiter {
  /** Takes a token for `key`: 0 when allowed, else the milliseconds until the next one. */
  take(key: number): number;
  forget(key: number): void;
}

export function createRateLimiter(options: {
  capacity: number;
  refillMs: number;
  now: () => number;
  /** Keys kept at most; the oldest is forgotten first (tabs closed without notice). */
  maxKeys?: number;
}): RateLimiter {
  const { capacity, refillMs, now } = options;
  const maxKeys = options.maxKeys ?? 1000;
  const buckets = new Map<number, { tokens: number; at: number }>();
  return {
    take(key) {
      const time = now();
      const bucket = buckets.get(key) ?? { tokens: capacity, at: time };
      const refilled = Math.min(capacity, bucket.tokens + Math.max(0, time - bucket.at) / refillMs);
      buckets.delete(key);
      if (buckets.size >= maxKeys) buckets.delete(buckets.keys().next().value as number);
      if (refilled >= 1) {
        buckets.set(key, { tokens: refilled - 1, at: time });
        return 0;
      }
      buckets.set(key, { tokens: refilled, at: time });
      return Math.ceil((1 - refilled) * refillMs);
    },
    forget(key) {
      buckets.delete(key);
    },
  };
}
