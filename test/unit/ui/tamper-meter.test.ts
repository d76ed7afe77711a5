import { describe, expect, it } from 'vitest';
import { FIGHT_MS, QUIET_MS, TamperMeter } from '../../../components/banner/tamper-meter';

describe('TamperMeter', () => {
  it('says "fighting" only after tampering goes on, without a pause, for a second', () => {
    let time = 0;
    const meter = new TamperMeter(() => time);
    const results: boolean[] = [];
    for (; time <= FIGHT_MS; time += 100) results.push(meter.record());
    expect(results.slice(0, -1).every((fighting) => !fighting)).toBe(true);
    expect(results.at(-1)).toBe(true);
  });

  it('starts again after a quiet pause, and never counts two stray changes as a fight', () => {
    let time = 0;
    const meter = new TamperMeter(() => time);
    for (; time < FIGHT_MS - 100; time += 100) meter.record();
    time += QUIET_MS + 1;
    expect(meter.record()).toBe(false);
    time += FIGHT_MS;
    expect(meter.record()).toBe(false);
  });
});
