/**
 * Local calendar dates of instants in IANA time zones, on @date-fns/tz (its `tzOffset` reads the
 * runtime's time zone data, so rules such as America/Mexico_City's daylight saving time, which in
 * 2018 ended on 28 October (UTC−5 → UTC−6) and which Mexico dropped in 2022, come from the tz
 * database, not from this code).
 */
import { tzOffset } from "@date-fns/tz";
import type { IsoDate } from "../model/units.ts";
import { isoDate } from "./iso.ts";
import { MS_PER_DAY } from "./instant.ts";

const MS_PER_MINUTE = 60_000;
const known = new Map<string, boolean>();

/**
 * Whether `timeZone` is an IANA zone name the runtime knows (e.g. `America/Mexico_City`).
 * @example
 * isValidTimeZone("America/Mexico_City"); // => true
 * isValidTimeZone("Mars/Olympus_Mons"); // => false
 */
export function isValidTimeZone(timeZone: string): boolean {
  let ok = known.get(timeZone);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone });
      ok = true;
    } catch (_error) {
      ok = false;
    }
    known.set(timeZone, ok);
  }
  return ok;
}

/**
 * Offset of local wall-clock time from UTC at an instant, in milliseconds (UTC−6 → −21,600,000).
 * @throws RangeError when `timeZone` is not a known zone.
 * @example
 * timeZoneOffsetMs(Date.UTC(2018, 9, 27, 12), "America/Mexico_City"); // => -18000000 (CDT)
 * timeZoneOffsetMs(Date.UTC(2018, 9, 29, 12), "America/Mexico_City"); // => -21600000 (CST)
 */
export function timeZoneOffsetMs(instantMs: number, timeZone: string): number {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`unknown time zone "${timeZone}".`);
  return tzOffset(timeZone, new Date(instantMs)) * MS_PER_MINUTE;
}

/**
 * Local days since 1970-01-01 00:00 wall clock of an instant in `timeZone`, fractional: day D of
 * the result is the local calendar date (its day number), D + 0.5 its local noon.
 * @example
 * localDays(Date.UTC(2018, 9, 22, 18), "America/Mexico_City"); // => 17826.5 (12:00 CDT)
 */
export function localDays(instantMs: number, timeZone: string): number {
  return (instantMs + timeZoneOffsetMs(instantMs, timeZone)) / MS_PER_DAY;
}

/**
 * The local calendar date of an instant in `timeZone`.
 * @example
 * localDateOf(Date.UTC(2018, 9, 14, 3), "America/Mexico_City"); // => "2018-10-13" (22:00 CDT)
 */
export function localDateOf(instantMs: number, timeZone: string): IsoDate {
  return isoDate(Math.floor(localDays(instantMs, timeZone)));
}
