import { DATE_PATTERN } from '../registry/payload-schema';

/** A licence ending within this many days is shown as ending in the popup (no banner). */
export const LICENCE_ENDING_DAYS = 30;

const DAY_MS = 86_400_000;

export type LicenceState = 'valid' | 'ending' | 'ended';

/**
 * The calendar day of `date` on the device (YYYY-MM-DD). A licence is judged by the local day,
 * not UTC: in Almaty (UTC+5) a licence ending on 1 September has ended at 00:30 local time on
 * that day, while UTC still says 31 August.
 */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Days since the epoch of a real YYYY-MM-DD date; null for anything else (`2026-02-31`, `soon`). */
function dayNumber(day: string): number | null {
  if (!DATE_PATTERN.test(day)) return null;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const time = Date.UTC(y, m - 1, d);
  return new Date(time).getUTCDate() === d ? time / DAY_MS : null;
}

/**
 * Where a licence stands on `today`: `ended` from its `validUntil` day on, `ending` within
 * LICENCE_ENDING_DAYS before it. A missing or malformed date cannot end a licence: `valid`.
 */
export function licenceState(validUntil: string | undefined, today: string): LicenceState {
  if (validUntil === undefined) return 'valid';
  const end = dayNumber(validUntil);
  const now = dayNumber(today);
  if (end === null || now === null) return 'valid';
  if (now >= end) return 'ended';
  return end - now <= LICENCE_ENDING_DAYS ? 'ending' : 'valid';
}
