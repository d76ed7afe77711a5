/** Dates and numbers in the UI language, through the built-in Intl formatters. */
import { INTL_LOCALES, type Language } from './language';

export interface Formatters {
  /** A calendar date, e.g. 20 Nov 2026; the input as given when it is not a date. */
  date(value: string | number | Date): string;
  /** A date with the time of day. */
  dateTime(value: string | number | Date): string;
  /** A calendar day written YYYY-MM-DD, in words (1 September 2026), whatever the time zone. */
  day(value: string): string;
  /** How long before `now` a moment was (3 days ago), in days, or in hours within a day. */
  ago(value: string | number | Date, now: Date): string;
  number(value: number): string;
}

/** Builds its value on the first call only: Intl formatters cost milliseconds to make, and most are never used. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  return () => (made ??= { value: make() }).value;
}

export function createFormatters(language: Language, timeZone?: string): Formatters {
  const locale = INTL_LOCALES[language];
  const zone = timeZone === undefined ? {} : { timeZone };
  // Browsers' ICU data often lack Kazakh month names ("2026 M11 22"): Kazakh dates are numeric, as on KZ documents.
  const dateStyle: Intl.DateTimeFormatOptions =
    language === 'kk' ? { day: '2-digit', month: '2-digit', year: 'numeric' } : { dateStyle: 'medium' };
  const timeStyle: Intl.DateTimeFormatOptions =
    language === 'kk' ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : { timeStyle: 'short' };
  const dateFormat = once(() => new Intl.DateTimeFormat(locale, { ...dateStyle, ...zone }));
  const dateTimeFormat = once(() => new Intl.DateTimeFormat(locale, { ...dateStyle, ...timeStyle, ...zone }));
  const numberFormat = once(() => new Intl.NumberFormat(locale));
  // A day has no time zone: read and written in UTC, 2026-09-01 stays 1 September everywhere.
  const dayStyle: Intl.DateTimeFormatOptions =
    language === 'kk' ? dateStyle : { day: 'numeric', month: 'long', year: 'numeric' };
  const dayFormat = once(() => new Intl.DateTimeFormat(locale, { ...dayStyle, timeZone: 'UTC' }));
  const relativeFormat = once(() => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  const formatWith =
    (format: () => Intl.DateTimeFormat) =>
    (value: string | number | Date): string => {
      const date = value instanceof Date ? value : new Date(value);
      return Number.isNaN(date.getTime()) ? String(value) : format().format(date);
    };
  return {
    date: formatWith(dateFormat),
    dateTime: formatWith(dateTimeFormat),
    day: (value) => {
      const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : null;
      return date && !Number.isNaN(date.getTime()) ? dayFormat().format(date) : value;
    },
    ago: (value, now) => {
      const time = (value instanceof Date ? value : new Date(value)).getTime();
      if (Number.isNaN(time)) return String(value);
      const hours = Math.round((time - now.getTime()) / 3_600_000);
      return Math.abs(hours) < 24
        ? relativeFormat().format(hours, 'hour')
        : relativeFormat().format(Math.round(hours / 24), 'day');
    },
    number: (value) => numberFormat().format(value),
  };
}
