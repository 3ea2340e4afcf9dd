/**
 * When in the day a day's move happens (the movement model's within-day timing). The estimator (a
 * report's place against its day's position, src/estimate/positions.ts) and the held-out check
 * (the estimate at a report's hour, src/check/bodyTrack.ts) both read a report's hour by this one
 * rule. A track's day D is where the group is at 12:00 of day D.
 *
 * The rule: the share of a day's move done by local hour h rises from 0 at `startHour` to 1 at
 * `endHour` (linear, or a smoothstep when `smooth`). The default, 00:00–24:00 linear, is moves
 * spread evenly over the day: a report at hour h sits (h − 12) / 24 of a day's travel from its
 * day's noon position (what both sides did before this module).
 *
 * Tried and not kept (figures in docs/estimation.md "Time of day of a report"): the 2018 caravans
 * set out before dawn and walked or rode until midday or the afternoon (AP, 26 Oct 2018, "Migrants
 * set out on arduous 60-mile journey to next stop": Pijijiapan, predawn; RTVE, 24 Oct 2018: left
 * Huixtla at night). A smoothstep from 04:00 to 14:00 read by both sides lost on the stress and
 * world3 worlds (their noon is mid-move, or the hour says nothing) and barely moved 2018; a linear
 * 04:00–20:00 ramp was neutral on them and cut 2018's error by ~3 km on each fold seed, but took
 * the 2018 90 % cover to 95.9 % (one report of 73 above the 85–95 % band) on two of three seeds.
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

/** Moves spread evenly over the 24 hours (see the module comment for the 2018 ramp tried). */
export const DAY_MOVE_TIMING: DayMoveTiming = { startHour: 0, endHour: 24, smooth: false };

/** Share (0–1) of the day's move done by local hour `hour` (0–24). */
export function dayMoveShare(hour: number, timing: DayMoveTiming = DAY_MOVE_TIMING): number {
  const u = (hour - timing.startHour) / (timing.endHour - timing.startHour);
  const v = Math.min(1, Math.max(0, u));
  return timing.smooth ? v * v * (3 - 2 * v) : v;
}

/**
 * Where a report made at local time `t` (local days, src/calendar/local-time.ts) sits against its
 * date's noon position, in days of travel: below 0 behind it (before noon's share of the move was
 * done), above 0 ahead of it (part of the next move done). (hour − 12) / 24 under the default.
 */
export function moveOffsetFromNoon(t: number, timing: DayMoveTiming = DAY_MOVE_TIMING): number {
  const hour = (t - Math.floor(t)) * 24;
  return dayMoveShare(hour, timing) - dayMoveShare(12, timing);
}

/**
 * Local hours at which a report that gives a date only may have been made, with equal weights:
 * morning, early afternoon, evening (about 06:00–20:00, when sources are out; six hours gave the
 * same 2018 tracks within 1 km at twice the cost). Both the estimator (the report's density, a
 * mix over these hours) and the held-out check (its predictive, the same mix) read a date-only
 * report by these hours and {@link DAY_MOVE_TIMING}. Under the default timing they sit −0.15,
 * +0.05 and +0.25 of a day's move from noon.
 */
export const DATE_ONLY_HOURS: readonly number[] = [8.4, 13.2, 18];

/** Where the hours of a date-only report sit against noon, in days' moves ({@link moveOffsetFromNoon}). */
export function dateOnlyOffsets(timing: DayMoveTiming = DAY_MOVE_TIMING): number[] {
  return DATE_ONLY_HOURS.map((h) => dayMoveShare(h, timing) - dayMoveShare(12, timing));
}

/** A report's place on a track's day axis (day D = its noon): its date plus {@link moveOffsetFromNoon}. */
export function trackDayOf(t: number, timing: DayMoveTiming = DAY_MOVE_TIMING): number {
  return Math.floor(t) + moveOffsetFromNoon(t, timing);
}
