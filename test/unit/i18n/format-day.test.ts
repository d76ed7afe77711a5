import { describe, expect, it } from 'vitest';
import { createFormatters } from '../../../lib/i18n/format';

describe('calendar days and ages in words', () => {
  it('writes a YYYY-MM-DD day as that day in every time zone', () => {
    for (const zone of ['America/New_York', 'Asia/Almaty', 'Pacific/Kiritimati', 'UTC']) {
      expect(createFormatters('en', zone).day('2026-09-01'), zone).toBe('1 September 2026');
    }
    expect(createFormatters('ru', 'America/New_York').day('2026-12-31')).toBe('31 декабря 2026 г.');
    expect(createFormatters('kk', 'America/New_York').day('2026-12-31')).toBe('31.12.2026');
  });

  it('leaves what is not a day as given', () => {
    expect(createFormatters('en').day('soon')).toBe('soon');
    expect(createFormatters('en').day('2026-13-45')).toBe('2026-13-45');
  });

  it('says how long ago, in hours within a day and in days after', () => {
    const now = new Date('2026-11-23T06:00:00Z');
    const en = createFormatters('en');
    expect(en.ago('2026-11-23T01:00:00Z', now)).toBe('5 hours ago');
    expect(en.ago('2026-11-20T06:00:00Z', now)).toBe('3 days ago');
    expect(createFormatters('ru').ago('2026-11-20T06:00:00Z', now)).toBe('3 дня назад');
    expect(en.ago('not a date', now)).toBe('not a date');
  });
});
