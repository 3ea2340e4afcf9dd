/**
 * What "as of" a date or date-time means, for every reader of the data as known at a moment
 * (estimate, forecast, ledger, report): one rule, in one place.
 *
 * - A bare date `D` is what was known by the END of day D, local time of the data's time zone:
 *   every report timed up to 23:59:59.999 local on D counts, and every date-only figure of D (a
 *   count, a stock) counts. A time written `24:00` is the next day's 00:00 and comes after.
 * - A date-time keeps its time (`2018-11-13T12:00` is noon local; one with an offset or `Z` is
 *   converted to local time).
 */
import type { IsoDate, IsoDateTime } from "../model/units.ts";
import { isoDate } from "./iso.ts";
import { MS_PER_DAY } from "./instant.ts";
import { toLocalTime } from "./local-time.ts";

/** The moment an as-of date or date-time stands for. */
export interface AsOfMoment {
  /** Local days since 1970-01-01 00:00 wall clock in the time zone (as `toLocalTime`). */
  t: number;
  /** The local calendar date of the moment: the date-only figures of this day and earlier count. */
  date: IsoDate;
  /** true when a bare date was given (the moment is the end of that day). */
  endOfDay: boolean;
}

/**
 * Reads an as-of date or date-time in `timeZone` (see the module comment for the rule).
 * @returns the moment, or `undefined` when the text is not an ISO date or date-time.
 * @example
 * asOfMoment("2018-11-13", "America/Mexico_City"); // => { t: 17848.99999…, date: "2018-11-13", endOfDay: true }
 * asOfMoment("2018-11-13T12:00", "America/Mexico_City")?.t; // => 17848.5
 */
export function asOfMoment(text: IsoDateTime, timeZone: string): AsOfMoment | undefined {
  const local = toLocalTime(text, timeZone);
  if (!local) return undefined;
  // A bare date is read at 12:00 by toLocalTime; its day is the whole day.
  const day = Math.floor(local.t);
  // The last millisecond of the day (23:59:59.999), in whole milliseconds as toLocalTime counts.
  const t = local.hasTime ? local.t : (day * MS_PER_DAY + MS_PER_DAY - 1) / MS_PER_DAY;
  return { t, date: isoDate(Math.floor(t)), endOfDay: !local.hasTime };
}

/**
 * The sentence that says when an as-of cut-off falls, naming the time zone: "by the end of
 * 13 Nov 2018 (23:59, America/Mexico_City)" style text is built by the callers from this.
 * @example
 * asOfCutText("2018-11-13", "America/Mexico_City"); // => "by the end of 2018-11-13, America/Mexico_City time"
 * asOfCutText("2018-11-13T12:00", "America/Mexico_City"); // => "by 2018-11-13T12:00, America/Mexico_City time"
 */
export function asOfCutText(text: IsoDateTime, timeZone: string): string {
  const m = asOfMoment(text, timeZone);
  if (m?.endOfDay) return `by the end of ${m.date}, ${timeZone} time`;
  return `by ${text.trim()}, ${timeZone} time`;
}
