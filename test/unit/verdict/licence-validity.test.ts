import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../lib/match/build-index';
import type { RegistryEntry } from '../../../lib/registry/types';
import { decideVerdict } from '../../../lib/verdict/decide-verdict';
import { licenceState, localDay } from '../../../lib/verdict/licence-validity';

const intebix: RegistryEntry = {
  target: 'intebix.kz',
  status: 'licensed',
  name: 'Intebix Ltd',
  validUntil: '2026-09-01',
};
const entries: RegistryEntry[] = [
  intebix,
  { target: 'okx.com', status: 'warning', reason: 'regulator-warning', brand: 'okx' },
  { target: 'mystery.example', status: 'blocked', reason: 'not-a-reason-yet' },
  { target: 'plain.example', status: 'warning' },
];
const registry = buildIndex(entries);

/** The verdict for `url` with the device clock at `now`, as the registry service asks it. */
function verdictAt(url: string, now: Date, entry?: RegistryEntry) {
  const list = entry ? [entry] : entries;
  return decideVerdict(url, {
    registry: entry ? buildIndex(list) : registry,
    entryAt: (ordinal) => list[ordinal],
    today: localDay(now),
  });
}

describe('licence validity, judged by the device clock at each verdict', () => {
  it('the day before the end: still licensed, shown as ending soon', () => {
    const result = verdictAt('https://intebix.kz/', new Date(2026, 7, 31, 23, 59));
    expect(result.verdict).toBe('licensed');
    expect(result.reason).toMatchObject({ kind: 'registry', licenceEndingSoon: true });
    expect(result.reason).not.toHaveProperty('reason');
  });

  it('the day itself: a warning with reason licence-expired, from the first minute', () => {
    const result = verdictAt('https://www.intebix.kz/', new Date(2026, 8, 1, 0, 1));
    expect(result).toEqual({
      verdict: 'warning',
      host: 'www.intebix.kz',
      reason: { kind: 'registry', entry: intebix, reason: 'licence-expired' },
    });
  });

  it('a day long past: still a warning, with no registry update', () => {
    expect(verdictAt('https://intebix.kz/', new Date(2030, 0, 1)).reason).toMatchObject({
      reason: 'licence-expired',
    });
  });

  it('an end far in the future: licensed, not ending soon', () => {
    const result = verdictAt('https://intebix.kz/', new Date(2024, 0, 1));
    expect(result.verdict).toBe('licensed');
    expect(result.reason).not.toHaveProperty('licenceEndingSoon');
  });

  it('ends soon only within 30 days', () => {
    expect(licenceState('2026-12-31', '2026-12-01')).toBe('ending');
    expect(licenceState('2026-12-31', '2026-11-30')).toBe('valid');
    expect(licenceState('2026-12-31', '2026-12-30')).toBe('ending');
    expect(licenceState('2026-12-31', '2026-12-31')).toBe('ended');
  });

  it.each(['2026-02-31', '2026-9-1', 'soon', '', '2026-09-01T00:00:00Z'])(
    'a malformed end (%j) never ends a licence',
    (validUntil) => {
      const result = verdictAt('https://intebix.kz/', new Date(2030, 0, 1), { ...intebix, validUntil });
      expect(result.verdict).toBe('licensed');
      expect(licenceState(validUntil, '2030-01-01')).toBe('valid');
    },
  );

  it('judges the local calendar day, not the UTC one', () => {
    const date = new Date(2026, 8, 1, 0, 30);
    expect(localDay(date)).toBe('2026-09-01');
    expect(localDay(new Date(2026, 0, 5))).toBe('2026-01-05');
  });

  it('without a clock (no `today`), a licence is not judged', () => {
    const result = decideVerdict('https://intebix.kz/', { registry, entryAt: (o) => entries[o] });
    expect(result.verdict).toBe('licensed');
  });
});

describe('the reasons of warning and blocked entries', () => {
  it('carries the entry reason on the verdict', () => {
    expect(verdictAt('https://okx.com/', new Date()).reason).toMatchObject({ reason: 'regulator-warning' });
  });

  it('keeps a reason this version does not know as written', () => {
    const result = verdictAt('https://mystery.example/', new Date());
    expect(result.verdict).toBe('blocked');
    expect(result.reason).toMatchObject({ reason: 'not-a-reason-yet' });
  });

  it('gives no reason when the entry has none', () => {
    expect(verdictAt('https://plain.example/', new Date()).reason).not.toHaveProperty('reason');
  });
});
