import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../../lib/links/rate-limit';

describe('createRateLimiter', () => {
  it('allows a burst of `capacity`, then one per `refillMs`, per key', () => {
    let time = 0;
    const limiter = createRateLimiter({ capacity: 3, refillMs: 500, now: () => time });
    expect([1, 2, 3].map(() => limiter.take(1))).toEqual([0, 0, 0]);
    expect(limiter.take(1)).toBe(500);
    expect(limiter.take(2)).toBe(0);
    time = 250;
    expect(limiter.take(1)).toBe(250);
    time = 500;
    expect(limiter.take(1)).toBe(0);
    expect(limiter.take(1)).toBeGreaterThan(0);
    limiter.forget(1);
    expect(limiter.take(1)).toBe(0);
  });

  it('answers a page asking every 10 ms for ten seconds at most capacity + 10 s / refillMs times', () => {
    let time = 0;
    const limiter = createRateLimiter({ capacity: 8, refillMs: 500, now: () => time });
    let allowed = 0;
    for (; time < 10_000; time += 10) if (limiter.take(7) === 0) allowed++;
    expect(allowed).toBeLessThanOrEqual(8 + 20);
    expect(allowed).toBeGreaterThanOrEqual(20);
  });

  it('keeps at most maxKeys keys', () => {
    const limiter = createRateLimiter({ capacity: 1, refillMs: 1_000, now: () => 0, maxKeys: 2 });
    expect(limiter.take(1)).toBe(0);
    expect(limiter.take(2)).toBe(0);
    expect(limiter.take(3)).toBe(0);
    // Key 1 was forgotten as the oldest, so it starts again with a full bucket.
    expect(limiter.take(1)).toBe(0);
  });
});
