/**
 * Local time on the estimator's axis: "local days", wall-clock time in the report time zone counted
 * in days since 1970-01-01 00:00 local. Day D (an integer) is the local calendar date (its day
 * number); its noon is D + 0.5. Working on the wall clock keeps calendar days exactly one unit long;
 * the one-hour DST jump is far below the accuracy of any caravan report.
 */
import type { IsoDate, IsoDateTime } from "../model/units.ts";
import { daysFromCivil, isRealDate } from "./civil.ts";
import { dayNumber } from "./iso.ts";
import { MS_PER_DAY } from "./instant.ts";
import { timeZoneOffsetMs } from "./zone.ts";

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;
const MS_PER_MINUTE = 60_000;

/** A time on the local-day axis, and whether the source gave a time of day. */
export interface LocalTime {
  /** Local days since 1970-01-01 00:00 wall clock in the report time zone (fractional). */
  t: number;
  /** false for a bare date (`2018-10-22`): the time of day is unknown and taken as 12:00. */
  hasTime: boolean;
}

/**
 * Converts an ISO 8601 date or date-time to local days in `timeZone`. A date or time without an
 * offset is already local ("local time at the place", docs/contracts.md); one with an offset or
 * `Z` is converted. A bare date is taken at 12:00 local.
 * @returns the local time, or `undefined` when the text is not an ISO date (or a field is out of
 *   range: 2018-02-30, 25:00, an offset beyond ±14:59).
 * @example
 * toLocalTime("2018-10-22", "America/Mexico_City"); // => { t: 17826.5, hasTime: false }
 * toLocalTime("2018-10-22T18:00:00Z", "America/Mexico_City")?.t; // => 17826.5 (12:00 CDT)
 */
export function toLocalTime(text: IsoDateTime, timeZone: string): LocalTime | undefined {
  const m = ISO.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, hh, mi, ss, zone] = m;
  const hasTime = hh !== undefined;
  if (!validFields(Number(y), Number(mo), Number(d), hh, mi, ss, zone)) return undefined;
  const seconds = hasTime ? Number(hh) * 3600 + Number(mi) * 60 + (ss ? Number(ss) : 0) : 43_200;
  // In whole milliseconds, then divided once: the same numbers as Date.UTC(…) / MS_PER_DAY.
  const wall = daysFromCivil(Number(y), Number(mo), Number(d)) * MS_PER_DAY + seconds * 1000;
  if (zone === undefined) return { t: wall / MS_PER_DAY, hasTime };
  const instant = wall - zoneOffsetMs(zone);
  return { t: (instant + timeZoneOffsetMs(instant, timeZone)) / MS_PER_DAY, hasTime };
}

/** `Z` or `±HH[:MM]` in milliseconds. */
function zoneOffsetMs(zone: string): number {
  if (zone === "Z") return 0;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || 0)) * MS_PER_MINUTE;
}

/**
 * True when every field is in range: a real calendar day (2018-10-32 and 2018-02-30 are not; the
 * date is never rolled over), hours 0–23 (or 24:00:00, the end of the day), minutes and seconds
 * 0–59, a zone offset of at most 14:59.
 */
function validFields(
  y: number,
  mo: number,
  d: number,
  hh: string | undefined,
  mi: string | undefined,
  ss: string | undefined,
  zone: string | undefined,
): boolean {
  if (!isRealDate(y, mo, d)) return false;
  const h = hh === undefined ? 0 : Number(hh);
  const m = mi === undefined ? 0 : Number(mi);
  const s = ss === undefined ? 0 : Number(ss);
  if (m > 59 || s > 59 || h > 24 || (h === 24 && (m > 0 || s > 0))) return false;
  if (zone !== undefined && zone !== "Z") {
    const digits = zone.slice(1).replace(":", "");
    if (Number(digits.slice(0, 2)) > 14 || Number(digits.slice(2, 4) || 0) > 59) return false;
  }
  return true;
}

/**
 * Day number of the ISO date that starts `date` (`2018-10-22…` → 17826), or `undefined`; the
 * estimator's name for {@link dayNumber} on its first ten characters.
 */
export function isoDateToDay(date: IsoDate): number | undefined {
  return dayNumber(date.slice(0, 10));
}
