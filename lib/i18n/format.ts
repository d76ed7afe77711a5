/** Dates and numbers in the UI language, through the built-in Intl formatters. */
import { INTL_LOCALES, type Language } from './language';

export interface Formatters {
  /** A calendar date, e.g. 20 Nov 2026; the input as given when it is not a date. */
  date(value: string | number | Date): string;
  /** A date with the time of day. */
  dateTime(value: string | number | Date): string;
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
  const formatWith =
    (format: () => Intl.DateTimeFormat) =>
    (value: string | number | Date): string => {
      const date = value instanceof Date ? value : new Date(value);
      return Number.isNaN(date.getTime()) ? String(value) : format().format(date);
    };
  return {
    date: formatWith(dateFormat),
    dateTime: formatWith(dateTimeFormat),
    number: (value) => numberFormat().format(value),
  };
}
