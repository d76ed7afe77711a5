/**
 * Checks the publisher's tool applies to what people typed, beyond what the
 * client accepts: the client reads a registry leniently, the publisher is
 * told about a mistake before anyone signs it.
 */

/** Direction marks, embeddings, overrides and isolates: they can make a name read as another. */
const BIDI_CONTROL = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

export function hasBidiControl(text: string): boolean {
  return BIDI_CONTROL.test(text);
}

/** A `YYYY-MM-DD` that names a real day of the calendar (no 2026-02-30). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The calendar day (UTC) of a time, as `YYYY-MM-DD`. */
export function dayOf(time: Date): string {
  return time.toISOString().slice(0, 10);
}
