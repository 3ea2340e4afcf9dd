/**
 * When in the day a day's move happens (the movement model's within-day timing), read by the
 * estimator (a report's place against its day's position) and the held-out check (the estimate at
 * a report's hour) by this one rule.
 *
 * A track's day D is where the group is at 12:00 of day D. A day's move is done between
 * {@link DAY_MOVE_START_HOUR} and {@link DAY_MOVE_END_HOUR} local time (a smooth ramp): the 2018
 * caravans set out before dawn and walked or rode until midday or the afternoon — e.g. AP, 26 Oct
 * 2018, "Migrants set out on arduous 60-mile journey to next stop" (Pijijiapan, predawn); RTVE,
 * 24 Oct 2018 (Huixtla, left at night). A report at 04:00 is then where the group slept, i.e. near
 * the day before's position; one at 22:00 where it arrived, barely ahead of its day's noon.
 */

/** Local hour at which a day's move starts (the caravans left 03:00–05:00). */
export const DAY_MOVE_START_HOUR = 4;
/** Local hour by which a day's move is done (arrival midday to afternoon). */
export const DAY_MOVE_END_HOUR = 14;

/** Share (0–1) of the day's move done by local hour `hour` (0–24): a smoothstep ramp. */
export function dayMoveShare(hour: number): number {
  const u = (hour - DAY_MOVE_START_HOUR) / (DAY_MOVE_END_HOUR - DAY_MOVE_START_HOUR);
  const v = Math.min(1, Math.max(0, u));
  return v * v * (3 - 2 * v);
}

/**
 * Where a report made at local time `t` (local days, src/calendar/local-time.ts) sits against its
 * day's noon position, in days' moves: 0 at noon, −share(12:00) (≈ −0.9) before the move starts
 * (where the group slept: the day before's noon plus the rest of its move), +(1 − share(12:00))
 * after the move ends. A report behind (< 0) or ahead of (> 0) noon by this many days of travel;
 * with moves evenly spread over 24 h it would be (hour − 12) / 24.
 */
export function moveOffsetFromNoon(t: number): number {
  const hour = (t - Math.floor(t)) * 24;
  return dayMoveShare(hour) - dayMoveShare(12);
}

/** A report's position on a track's day axis (day D = its noon): its date plus {@link moveOffsetFromNoon}. */
export function trackDayOf(t: number): number {
  return Math.floor(t) + moveOffsetFromNoon(t);
}
