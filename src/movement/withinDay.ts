/**
 * When in the day a day's move happens (the movement model's within-day timing). The estimator (a
 * report's place against its day's position, src/estimate/positions.ts) and the held-out check
 * (the estimate at a report's hour, src/check/bodyTrack.ts) both read a report's hour by this one
 * rule. A track's day D is where the group is at 12:00 of day D.
 *
 * The rule: the share of a day's move done by local hour h rises from 0 at `startHour` to 1 at
 * `endHour` (linear, or a smoothstep when `smooth`). A report at hour h sits share(h) − share(12)
 * of a day's travel from its day's noon position.
 *
 * The default is a linear ramp from 04:00 to 20:00: the caravans of 2018 set out before dawn
 * (AP, 26 Oct 2018, "Migrants set out on arduous 60-mile journey to next stop": Pijijiapan,
 * predawn; RTVE, 24 Oct 2018: left Huixtla at night; EFE/Reforma, 29 Oct: left Tapanatepec at
 * 3 am; Quadratín/Notimex, 1 Nov: left Juchitán at 6 am; Reforma, 5 Nov: left Córdoba from 05:00),
 * so a report made at 04:00 sees where the group slept, not a third of the day's move
 * done; and noon stays mid-move, as the test worlds have it (world3 moves its groups 06:00–18:00,
 * stress's noon is the day's position). Before, moves were spread evenly over the 24 hours
 * (00:00–24:00). Figures of both and of the ramps tried in docs/estimation.md "Time of day of a
 * report".
 */

/** The within-day timing of a day's move (local hours, 0–24). */
export interface DayMoveTiming {
  /** Hour at which a day's move starts. */
  startHour: number;
  /** Hour by which it is done (> startHour). */
  endHour: number;
  /** A smoothstep ramp (slow start and end) instead of a linear one. */
  smooth: boolean;
}

/** A day's move from 04:00 to 20:00, linear (see the module comment). */
export const DAY_MOVE_TIMING: DayMoveTiming = { startHour: 4, endHour: 20, smooth: false };

/** Moves spread evenly over the 24 hours: the rule before the 04:00–20:00 ramp. */
export const EVEN_DAY_MOVE_TIMING: DayMoveTiming = { startHour: 0, endHour: 24, smooth: false };

/** Share (0–1) of the day's move done by local hour `hour` (0–24). */
export function dayMoveShare(hour: number, timing: DayMoveTiming = DAY_MOVE_TIMING): number {
  const u = (hour - timing.startHour) / (timing.endHour - timing.startHour);
  const v = Math.min(1, Math.max(0, u));
  return timing.smooth ? v * v * (3 - 2 * v) : v;
}

/**
 * Where a report made at local time `t` (local days, src/calendar/local-time.ts) sits against its
 * date's noon position, in days of travel: below 0 behind it (before noon's share of the move was
 * done), above 0 ahead of it (part of the next move done). (hour − 12) / 16 between 04:00 and
 * 20:00 under the default, −0.5 before and +0.5 after; (hour − 12) / 24 under the even timing.
 */
export function moveOffsetFromNoon(t: number, timing: DayMoveTiming = DAY_MOVE_TIMING): number {
  const hour = (t - Math.floor(t)) * 24;
  return dayMoveShare(hour, timing) - dayMoveShare(12, timing);
}

/**
 * The hour a report that gives a date only is read at (local): 13:00, the middle of the hours
 * sources are out (06:00–20:00). Such a report says where the group was that day (2018: "arrived
 * in Arriaga", "rested in Huixtla"; the stress worlds: the day's position whatever the hour), not
 * a snapshot at an unknown hour, so it is read at one hour rather than spread over the day's move.
 * The estimator (positions.ts) and the held-out check (checkEstimate.ts) both read it so.
 */
export const DATE_ONLY_REPORT_HOUR = 13;

/**
 * The local time (local days) a report is read at: its own `t` when the source gave an hour
 * (`hasTime`), else its date at {@link DATE_ONLY_REPORT_HOUR}. The one rule the estimator
 * (positions.ts, through {@link readingOffset}) and the held-out check (checkEstimate.ts) read a
 * report's time by.
 * @example
 * readingTime(17830.25, true); // => 17830.25
 * readingTime(17830.25, false); // => 17830 + 13 / 24
 */
export function readingTime(t: number, hasTime: boolean): number {
  return hasTime ? t : Math.floor(t) + DATE_ONLY_REPORT_HOUR / 24;
}

/**
 * Where a report read at {@link readingTime} sits against its date's noon, in days' moves:
 * `moveOffsetFromNoon(readingTime(t, hasTime))` computed without adding 13/24 to a day number
 * (which rounds in the last bits), so the estimator's figures stay as they were. The estimator
 * (positions.ts) reads a report's offset by it.
 */
export function readingOffset(
  t: number,
  hasTime: boolean,
  timing: DayMoveTiming = DAY_MOVE_TIMING,
): number {
  return hasTime ? moveOffsetFromNoon(t, timing) : dateOnlyReportOffset(timing);
}

/** Where a date-only report sits against noon, in days' moves ({@link moveOffsetFromNoon}). */
export function dateOnlyReportOffset(timing: DayMoveTiming = DAY_MOVE_TIMING): number {
  return dayMoveShare(DATE_ONLY_REPORT_HOUR, timing) - dayMoveShare(12, timing);
}

/**
 * Local hours at which something known only by its date happened, with equal weights: morning,
 * early afternoon, evening (about 06:00–20:00; six hours gave the same 2018 tracks within 1 km at
 * twice the cost). The estimator reads a count's passage by them (the group passed the counting
 * point at some time of its move that day; kmSmoother.ts). Under the even timing they sit −0.15,
 * +0.05 and +0.25 of a day's move from noon.
 */
export const DATE_ONLY_HOURS: readonly number[] = [8.4, 13.2, 18];

/** Where {@link DATE_ONLY_HOURS} sit against noon, in days' moves ({@link moveOffsetFromNoon}). */
export function dateOnlyOffsets(timing: DayMoveTiming = DAY_MOVE_TIMING): number[] {
  return DATE_ONLY_HOURS.map((h) => dayMoveShare(h, timing) - dayMoveShare(12, timing));
}

/** A report's place on a track's day axis (day D = its noon): its date plus {@link moveOffsetFromNoon}. */
export function trackDayOf(t: number, timing: DayMoveTiming = DAY_MOVE_TIMING): number {
  return Math.floor(t) + moveOffsetFromNoon(t, timing);
}
