/**
 * ISO 8601 calendar dates (`YYYY-MM-DD`) and day numbers: the one contract of the toolkit.
 *
 * A **day number** is the count of days since 1970-01-01 of a local calendar date: the date as
 * written where it was observed, never shifted by a time zone (`2018-10-13T23:00-06:00` is day
 * 2018-10-13). Day D's noon is D + 0.5 on the estimator's local-day axis.
 */
import type { IsoDate } from "../model/units.ts";
import { civilFromDays, daysFromCivil, isRealDate } from "./civil.ts";

const ISO_DATE_START = /^(\d{4})-(\d{2})-(\d{2})/;
const ISO_DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

const pad2 = (n: number): string => (n < 10 ? "0" : "") + n;

/**
 * Day number of the calendar date that starts `date` (a date or a date-time: only the
 * `YYYY-MM-DD` part is read, so the local date of a local time-stamp is its day).
 * @returns the day number, or `undefined` when `date` does not start with a real ISO date.
 * @example
 * dayNumber("1970-01-02"); // => 1
 * dayNumber("2018-10-13T23:00-06:00"); // => 17817
 * dayNumber("2018-02-30"); // => undefined
 */
export function dayNumber(date: string): number | undefined {
  const match = ISO_DATE_START.exec(date.trim());
  if (!match) return undefined;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  return isRealDate(y, m, d) ? daysFromCivil(y, m, d) : undefined;
}

/**
 * {@link dayNumber} of `text` only when it is exactly a real `YYYY-MM-DD` date (no time, no
 * spaces): for files whose dates must be plain dates (a date-time in a scenario file is an error).
 * @example
 * strictDayNumber("2019-01-15"); // => 17911
 * strictDayNumber("2019-01-15T06:00"); // => undefined
 */
export function strictDayNumber(text: string): number | undefined {
  return ISO_DATE_ONLY.test(text) ? dayNumber(text) : undefined;
}

/**
 * The ISO date of a day number (the inverse of {@link dayNumber}; a fractional day is floored).
 * @throws RangeError when `day` is not a finite number.
 * @example
 * isoDate(17817); // => "2018-10-13"
 */
export function isoDate(day: number): IsoDate {
  if (!Number.isFinite(day)) throw new RangeError(`day ${day} is not a day number.`);
  const { y, m, d } = civilFromDays(day);
  const year = y >= 0 && y < 10_000 ? String(y).padStart(4, "0") : String(y);
  return `${year}-${pad2(m)}-${pad2(d)}`;
}

/**
 * The ISO date of year `y`, month `m` (1–12), day `d`, or `undefined` when that is not a real
 * date (e.g. 2018-02-30).
 * @example
 * isoDateOf(2018, 10, 13); // => "2018-10-13"
 */
export function isoDateOf(y: number, m: number, d: number): IsoDate | undefined {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return undefined;
  return isRealDate(y, m, d) ? isoDate(daysFromCivil(y, m, d)) : undefined;
}

/**
 * Whether `text` is exactly a real `YYYY-MM-DD` date (no time, no spaces).
 * @example
 * isIsoDate("2019-01-15"); // => true
 * isIsoDate("2019-01-15T06:00"); // => false
 */
export function isIsoDate(text: string): boolean {
  return strictDayNumber(text) !== undefined;
}

/**
 * The calendar date `days` days after `date` (before, when negative).
 * @throws RangeError when `date` is not an ISO date.
 * @example
 * addDays("2018-12-31", 1); // => "2019-01-01"
 */
export function addDays(date: string, days: number): IsoDate {
  return isoDate(requireDay(date) + days);
}

/**
 * Calendar days from `from` to `to` (negative when `to` is earlier); times of day are ignored.
 * @throws RangeError when either is not an ISO date.
 * @example
 * daysBetween("2018-10-13", "2018-11-05"); // => 23
 */
export function daysBetween(from: string, to: string): number {
  return requireDay(to) - requireDay(from);
}

function requireDay(date: string): number {
  const day = dayNumber(date);
  if (day === undefined) throw new RangeError(`"${date}" is not an ISO date (YYYY-MM-DD).`);
  return day;
}
