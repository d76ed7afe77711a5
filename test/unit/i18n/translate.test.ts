import { describe, expect, it, vi } from 'vitest';
import { CATALOGS } from '../../../lib/i18n/catalogs';
import { createFormatters } from '../../../lib/i18n/format';
import { resolveLanguage } from '../../../lib/i18n/language';
import { createTranslator, placeholdersOf, substitute } from '../../../lib/i18n/translate';

describe('substitute', () => {
  it('fills named placeholders and leaves unknown ones as written', () => {
    expect(substitute('Imitates {site} ({x})', { site: 'bybit.kz' })).toBe('Imitates bybit.kz ({x})');
    expect(substitute('{n} entries', { n: 3 })).toBe('3 entries');
  });

  it('inserts values as text, even when they look like placeholders', () => {
    expect(substitute('{a} {b}', { a: '{b}', b: 'B' })).toBe('{b} B');
  });

  it('lists placeholders once each', () => {
    expect(placeholdersOf('{a} and {b} and {a}')).toEqual(['a', 'b']);
  });
});

describe('createTranslator', () => {
  const catalogs = {
    en: { hello: 'Hello {name}', only_en: 'English only' },
    ru: { hello: 'Привет, {name}', only_en: '' },
    kk: { hello: 'Сәлем, {name}', only_en: 'Тек' },
  };

  it('translates into the chosen language', () => {
    expect(createTranslator(catalogs, 'kk').t('hello', { name: 'Aru' })).toBe('Сәлем, Aru');
    expect(createTranslator(catalogs, 'ru').t('hello', { name: 'Aru' })).toBe('Привет, Aru');
  });

  it('falls back to English, then to the key', () => {
    const t = createTranslator(catalogs as never, 'ru');
    expect(t.lookup('missing')).toBeNull();
    expect(t.t('missing' as never)).toBe('missing');
  });

  it('reads the real catalogs', () => {
    expect(createTranslator(CATALOGS, 'en').t('headline_lookalike', { site: 'bybit.kz' })).toBe(
      'Imitates bybit.kz',
    );
    expect(createTranslator(CATALOGS, 'en').t('popup_lookup_label')).toBe('Domain or address');
  });
});

describe('resolveLanguage', () => {
  it("prefers the user's setting", () => {
    expect(resolveLanguage('kk', 'en-US')).toBe('kk');
  });

  it('else follows the browser UI language in kk, ru or en', () => {
    expect(resolveLanguage('auto', 'ru-RU')).toBe('ru');
    expect(resolveLanguage(undefined, 'kk')).toBe('kk');
    expect(resolveLanguage('auto', 'en_GB')).toBe('en');
  });

  it('else speaks English', () => {
    expect(resolveLanguage('auto', 'de-DE')).toBe('en');
    expect(resolveLanguage(undefined, undefined)).toBe('en');
  });
});

describe('createFormatters', () => {
  it('formats dates and numbers for the language', () => {
    const date = '2026-11-20T06:00:00Z';
    expect(createFormatters('en', 'UTC').date(date)).toBe('20 Nov 2026');
    expect(createFormatters('ru', 'UTC').date(date)).toMatch(/20 нояб\.? 2026/);
    expect(createFormatters('kk', 'UTC').date(date)).toBe('20.11.2026');
    expect(createFormatters('ru').number(1234567)).toMatch(/1\s234\s567/);
    expect(createFormatters('en').number(1234567)).toBe('1,234,567');
  });

  it('shows a value that is not a date as it is', () => {
    expect(createFormatters('en').date('not a date')).toBe('not a date');
  });

  it('makes each Intl formatter on its first use, and once', () => {
    const { DateTimeFormat, NumberFormat } = Intl;
    const dateFormat = vi.spyOn(Intl, 'DateTimeFormat').mockImplementation(function (...args) {
      return new DateTimeFormat(...args);
    });
    const numberFormat = vi.spyOn(Intl, 'NumberFormat').mockImplementation(function (...args) {
      return new NumberFormat(...args);
    });
    try {
      const format = createFormatters('ru', 'UTC');
      expect(dateFormat).not.toHaveBeenCalled();
      expect(numberFormat).not.toHaveBeenCalled();
      format.date('2026-11-20T06:00:00Z');
      format.date('2026-11-21T06:00:00Z');
      expect(dateFormat).toHaveBeenCalledTimes(1);
      expect(numberFormat).not.toHaveBeenCalled();
    } finally {
      dateFormat.mockRestore();
      numberFormat.mockRestore();
    }
  });
});

describe('CATALOGS', () => {
  it('parses each locale once, on first use', () => {
    expect(CATALOGS.kk).toBe(CATALOGS.kk);
    expect(CATALOGS.ru.headline_lookalike).toContain('{site}');
  });
});
