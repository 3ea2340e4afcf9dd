/**
 * Which dates a file may hold. Flow monitoring points run for years, so by default the window is
 * taken from the data: every date within a year of the file's other dates is accepted, however
 * long the series, and only a date more than a year away from all the others (a mistyped year,
 * `2081` for `2018`) is rejected. The caller may give the window instead (`from`/`to`, inclusive);
 * then every date outside it is rejected. Sanity bounds apply always: no date before 1900, none
 * after the day of the import (plus one day, for time zones).
 *
 * Days are day numbers (src/calendar/): whole days since 1970-01-01 of the local calendar date.
 */
import { dayNumber, isoDate } from "../calendar/index.ts";

/** Dates more than this many days away from every other date of the file are out of the window. */
export const MAX_GAP_DAYS = 366;
/** The earliest date accepted at all. */
export const EARLIEST_DATE = "1900-01-01";
/** Days after the day of the import that a date may still be (a count in UTC−6 after 18:00). */
export const FUTURE_HORIZON_DAYS = 1;
/**
 * A group of dates separated from the rest by more than MAX_GAP_DAYS is kept in the window when
 * it holds at least this share of the dated rows on at least two different days (a restarted
 * point); otherwise it is a mistyped year. The largest group is always kept.
 */
export const MIN_GROUP_SHARE = 0.05;

/** Why a date is outside the window: a code and a sentence (the date and the bounds named). */
export interface WindowProblem {
  code: "date_outside_window" | "date_too_early" | "date_in_future";
  message: string;
  /**
   * `date` and the bounds named: `earliest`, `from`/`to` (asked), `first`/`last` (the file's)
   * with `maxGapDays` (MAX_GAP_DAYS), `today`.
   */
  params: Record<string, string | number>;
}

/** Day number of an ISO date the caller has checked (NaN otherwise, so no day is inside). */
function dayOfIso(iso: string): number {
  return dayNumber(iso) ?? NaN;
}

/**
 * The range of days of the main groups of a file's dates: sorted, split where two consecutive
 * dates are more than MAX_GAP_DAYS apart, and the groups kept as MIN_GROUP_SHARE says.
 * @returns `[first, last]`, or undefined when no day is given.
 * @example dataRange([17817, 17818, 17819, 40000]) // => [17817, 17819]
 */
export function dataRange(days: readonly number[]): [number, number] | undefined {
  if (!days.length) return undefined;
  const sorted = Float64Array.from(days).sort();
  const groups: { first: number; last: number; rows: number; distinct: number }[] = [];
  let g = { first: sorted[0]!, last: sorted[0]!, rows: 0, distinct: 0 };
  for (let i = 0; i < sorted.length; i++) {
    const d = sorted[i]!;
    if (d - g.last > MAX_GAP_DAYS) {
      groups.push(g);
      g = { first: d, last: d, rows: 0, distinct: 0 };
    }
    if (g.rows === 0 || d !== g.last) g.distinct++;
    g.last = d;
    g.rows++;
  }
  groups.push(g);
  let largest = groups[0]!;
  for (const x of groups) if (x.rows > largest.rows) largest = x;
  let first = largest.first;
  let last = largest.last;
  for (const x of groups) {
    if (x.rows >= MIN_GROUP_SHARE * sorted.length && x.distinct >= 2) {
      first = Math.min(first, x.first);
      last = Math.max(last, x.last);
    }
  }
  return [first, last];
}

/** Options of a date window (see `createDateWindow`). */
export interface DateWindowOptions {
  /** Inclusive ISO dates given by the caller; either one alone bounds that side only. */
  from?: string;
  to?: string;
  /** The day of the import, ISO; dates more than FUTURE_HORIZON_DAYS after it are rejected. */
  today: string;
  /** Days of the file's first rows (see `dataRange`); used when neither `from` nor `to` is given. */
  sample: readonly number[];
}

/** A date window: checks days one at a time; a window from the data grows with what it accepts. */
export interface DateWindow {
  /** undefined when the day is inside the window (which may then grow to include it). */
  check(day: number, iso: string, column: string): WindowProblem | undefined;
  /** First and last day that passed `check` so far; undefined before any did. */
  span(): [number, number] | undefined;
  /** `option` when the caller gave from/to, else `data`. */
  readonly decidedBy: "data" | "option";
}

/**
 * Creates the window of one file (sheet).
 * @example
 * const w = createDateWindow({ today: "2026-01-01", sample: [17817, 17900] });
 * w.check(17950, "2019-02-23", "fecha"); // => undefined (within a year of the others)
 */
export function createDateWindow(options: DateWindowOptions): DateWindow {
  const earliest = dayOfIso(EARLIEST_DATE);
  const latest = dayOfIso(options.today) + FUTURE_HORIZON_DAYS;
  const explicit = options.from !== undefined || options.to !== undefined;
  const from = options.from !== undefined ? dayOfIso(options.from) : undefined;
  const to = options.to !== undefined ? dayOfIso(options.to) : undefined;
  const range = explicit
    ? undefined
    : dataRange(options.sample.filter((d) => d >= earliest && d <= latest));
  let first = Infinity;
  let last = -Infinity;
  return {
    decidedBy: explicit ? "option" : "data",
    span: () => (first <= last ? [first, last] : undefined),
    check(day, iso, column): WindowProblem | undefined {
      if (day < earliest)
        return {
          code: "date_too_early",
          params: { date: iso, earliest: EARLIEST_DATE },
          message: `${column} ${iso} is before ${EARLIEST_DATE}; check the year.`,
        };
      if (explicit) {
        if ((from !== undefined && day < from) || (to !== undefined && day > to))
          return {
            code: "date_outside_window",
            params: { date: iso, from: options.from ?? "", to: options.to ?? "" },
            message: `${column} ${iso} is outside the dates asked for (${options.from ?? "any"} to ${options.to ?? "any"}).`,
          };
      } else if (range) {
        if (day < range[0] - MAX_GAP_DAYS || day > range[1] + MAX_GAP_DAYS)
          return {
            code: "date_outside_window",
            params: {
              date: iso,
              first: isoDate(range[0]),
              last: isoDate(range[1]),
              maxGapDays: MAX_GAP_DAYS,
            },
            message: `${column} ${iso} is more than ${MAX_GAP_DAYS} days away from the other dates of this file (${isoDate(range[0])} to ${isoDate(range[1])}); check the year, or give the dates to accept (--from/--to).`,
          };
      }
      if (day > latest)
        return {
          code: "date_in_future",
          params: { date: iso, today: String(options.today) },
          message: `${column} ${iso} is after the day of the import (${options.today}); check the year.`,
        };
      if (day < first) first = day;
      if (day > last) last = day;
      // A date within a year of the others extends the window: long series import whole.
      if (range) {
        if (day < range[0]) range[0] = day;
        else if (day > range[1]) range[1] = day;
      }
      return undefined;
    },
  };
}
