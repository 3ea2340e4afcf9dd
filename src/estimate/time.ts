/**
 * Time on the estimator's axis: "local days", i.e. wall-clock time in the report time zone counted
 * in days since 1970-01-01 00:00 local. Day D (an integer) is the local calendar date; its noon is
 * D + 0.5. Working on the wall clock keeps calendar days exactly one unit long; the one-hour DST
 * jump is far below the accuracy of any caravan report.
 */
import type { IsoDate, IsoDateTime } from "../model/units.ts";

const DAY_MS = 86_400_000;
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Whether `timeZone` is an IANA zone name the runtime knows (e.g. `America/Mexico_City`).
 * @example
 * isValidTimeZone("America/Mexico_City"); // => true
 */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch (_error) {
    return false;
  }
}

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * Offset of local wall-clock time from UTC at an instant, in milliseconds (−6 h → −21 600 000).
 * @example
 * timeZoneOffsetMs(Date.UTC(2018, 10, 5), "America/Mexico_City"); // => -21600000
 */
export function timeZoneOffsetMs(instantMs: number, timeZone: string): number {
  const parts = formatter(timeZone).formatToParts(new Date(instantMs));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(
    get("year"),
    get("month") - 1,
    get("day"),
    get("hour"),
    get("minute"),
    get("second"),
  );
  return wall - Math.floor(instantMs / 1000) * 1000;
}

/** A time on the local-day axis, and whether the source gave a time of day. */
export interface LocalTime {
  /** Local days since 1970-01-01 00:00 wall clock in the report time zone (fractional). */
  t: number;
  /** false for a bare date (`2018-10-22`): the time of day is unknown and taken as 12:00. */
  hasTime: boolean;
}

/**
 * Converts an ISO 8601 date or date-time to local days in `timeZone`. A date or time without an
 * offset is already local ("local time at the place", docs/contracts.md); one with an offset or `Z` is
 * converted. A bare date is taken at 12:00 local.
 * @returns the local time, or `undefined` when the text is not an ISO date.
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
  const wall = Date.UTC(
    Number(y),
    Number(mo) - 1,
    Number(d),
    hasTime ? Number(hh) : 12,
    hasTime ? Number(mi) : 0,
    ss ? Number(ss) : 0,
  );
  if (!Number.isFinite(wall)) return undefined;
  if (zone === undefined) return { t: wall / DAY_MS, hasTime };
  let offsetMs = 0;
  if (zone !== "Z") {
    const sign = zone.startsWith("-") ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    offsetMs = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || 0)) * 60_000;
  }
  const instant = wall - offsetMs;
  return { t: (instant + timeZoneOffsetMs(instant, timeZone)) / DAY_MS, hasTime };
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
  if (mo < 1 || mo > 12 || d < 1) return false;
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > daysInMonth) return false;
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
 * The ISO calendar date of local day `day` (an integer, or the floor of a local time).
 * @example
 * dayToIsoDate(17826); // => "2018-10-22"
 */
export function dayToIsoDate(day: number): IsoDate {
  return new Date(Math.floor(day) * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Local day number of an ISO date (`2018-10-22` → 17826), or `undefined` when not a date.
 */
export function isoDateToDay(date: IsoDate): number | undefined {
  const local = toLocalTime(date.slice(0, 10), "UTC");
  return local === undefined ? undefined : Math.floor(local.t);
}
