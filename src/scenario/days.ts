/**
 * Calendar days of a scenario: ISO dates ↔ day numbers (days since 1970-01-01), no time zones.
 * A scenario file's dates must be plain `YYYY-MM-DD` (a date-time is an error there, not a date),
 * so this is the strict form of the shared calendar helpers in src/util/days.ts.
 */
import { dayNumber as calendarDayNumber, isoDate } from "../util/days.ts";

const ISO_DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Day number of an ISO calendar date (`2019-01-15` → 17911), or `undefined` when the text is not
 * exactly a real `YYYY-MM-DD` date (e.g. `2019-02-30`, or `2019-01-15T06:00`).
 */
export function dayNumber(date: string): number | undefined {
  return ISO_DATE_ONLY.test(date) ? calendarDayNumber(date) : undefined;
}

export { isoDate };
