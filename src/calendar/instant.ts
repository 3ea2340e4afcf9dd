/**
 * Instants (milliseconds since 1970-01-01T00:00Z, as `Date.getTime()` gives them) on the day axis.
 * The one place that knows how long a day is.
 */
import type { IsoDate } from "../model/units.ts";
import { isoDate } from "./iso.ts";

/** Milliseconds in a calendar day of UTC (or of a local wall clock). */
export const MS_PER_DAY = 86_400_000;

/**
 * Days since 1970-01-01T00:00Z of an instant, fractional (noon UTC of 1970-01-02 is 1.5).
 * @example
 * daysOfInstant(Date.UTC(2018, 9, 13, 12)); // => 17817.5
 */
export function daysOfInstant(ms: number): number {
  return ms / MS_PER_DAY;
}

/**
 * The instant that starts day `day` in UTC (or any fraction of it).
 * @example
 * instantOfDays(17817.5) === Date.UTC(2018, 9, 13, 12); // => true
 */
export function instantOfDays(day: number): number {
  return day * MS_PER_DAY;
}

/**
 * The UTC calendar date of an instant.
 * @example
 * utcDateOfInstant(Date.UTC(2018, 9, 13, 23)); // => "2018-10-13"
 */
export function utcDateOfInstant(ms: number): IsoDate {
  return isoDate(Math.floor(ms / MS_PER_DAY));
}
