/** Calendar-day arithmetic on ISO dates (`YYYY-MM-DD`), done in UTC so no time zone can shift a day. */
import type { IsoDate } from "../model/units.ts";

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/**
 * Days since 1970-01-01 of the calendar date that starts `date` (a date or a date-time; only the
 * `YYYY-MM-DD` part is read, so `2018-10-13T23:00-06:00` is day 2018-10-13, the local date).
 * @returns the day number, or `undefined` when `date` does not start with a valid ISO date.
 * @example
 * dayNumber("1970-01-02"); // => 1
 */
export function dayNumber(date: string): number | undefined {
  const match = ISO_DATE.exec(date.trim());
  if (!match) return undefined;
  const [, y, m, d] = match;
  const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
  const back = new Date(ms);
  // Rejects 2018-02-30 and other dates Date.UTC silently rolls over.
  if (back.getUTCMonth() !== Number(m) - 1 || back.getUTCDate() !== Number(d)) return undefined;
  return Math.round(ms / DAY_MS);
}

/**
 * The ISO date of a day number (inverse of {@link dayNumber}).
 * @example
 * isoDate(1); // => "1970-01-02"
 */
export function isoDate(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
