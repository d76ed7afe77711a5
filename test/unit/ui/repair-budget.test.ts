import { describe, expect, it } from 'vitest';
import { BACKOFF_MS, RepairBudget, REPAIRS_PER_SECOND } from '../../../components/banner/repair-budget';

function budgetAt(start = 1_000) {
  let now = start;
  const timers: { callback: () => void; ms: number }[] = [];
  const budget = new RepairBudget(
    () => now,
    (callback, ms) => timers.push({ callback, ms }),
  );
  return { budget, timers, advance: (ms: number) => (now += ms) };
}

describe('RepairBudget', () => {
  it('allows REPAIRS_PER_SECOND repairs in a second, then spaces the next one out by BACKOFF_MS', () => {
    const { budget, timers } = budgetAt();
    let retried = 0;
    for (let i = 0; i < REPAIRS_PER_SECOND; i++) expect(budget.spend(() => retried++)).toBe(true);
    expect(budget.waiting).toBe(false);
    expect(budget.spend(() => retried++)).toBe(false);
    expect(budget.waiting).toBe(true);
    expect(timers).toHaveLength(1);
    expect(timers[0]?.ms).toBe(BACKOFF_MS);
    timers[0]?.callback();
    expect(retried).toBe(1);
    expect(budget.waiting).toBe(false);
    // The retry opened a new window: repairs are allowed again.
    expect(budget.spend(() => retried++)).toBe(true);
  });

  it('starts a new window after a second, so a page touching the banner now and then is never held back', () => {
    const { budget, timers, advance } = budgetAt();
    for (let second = 0; second < 5; second++) {
      for (let i = 0; i < REPAIRS_PER_SECOND; i++) expect(budget.spend(() => undefined)).toBe(true);
      advance(1_000);
    }
    expect(timers).toHaveLength(0);
  });
});
