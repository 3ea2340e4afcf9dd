/**
 * A track read back towards its group's departure (EstimateOptions.reachBack; default off).
 *
 * A track is fitted from its first report (positions.ts `setSpan`). In unlabelled files a group's
 * first reports are often read as another group's (the route's origin, a town two groups share),
 * so its own track starts days after the group set out, and those days have no estimate
 * (bench/gapCause.ts: `late start`). A group standing at km X on its track's first day had to
 * come from the route's origin, so it was on the road before it: this module writes the days
 * back to when, at the law's mean daily move (`meanDailyKm`, rest days included), it would have
 * left the origin, reading the first day's 90 % LOW end (the nearest it can have been to the
 * origin), so that a track whose first day is within a day's mean move of the origin reaches
 * back nothing:
 *
 *   days back = min(MAX_WRITTEN_DAYS, floor(low end of the first fitted day's km / meanDailyKm))
 *
 * Each written day is trackStarts.ts's (`behind`): km of the median person, head and tail at
 * most the first fitted day's high end (a group moves forward only), at least its low end less
 * the longest ride of a day per day back, never below the origin; the median moves back at the
 * law's mean daily move. The size is the first fitted day's (nothing says how many had joined
 * yet). As trackStarts.ts's days, these are written only: the association, the movement fit, the
 * smoothers, the self-calibration and the track's end never see them.
 *
 * Only for a track no named report already starts earlier (trackStarts.ts wins), and, with
 * `"unlabelled"`, only for unlabelled tracks (a labelled track's start is its first named report
 * or position; an unnamed report before it could be any group's).
 */
import type { MovementModel } from "../movement/index.ts";
import { meanDailyKm } from "../movement/index.ts";
import { MAX_WRITTEN_DAYS, behind } from "./trackStarts.ts";
import type { WrittenDay } from "./trackStarts.ts";
import type { WorkGroup } from "./workGroup.ts";
import type { Km } from "../model/units.ts";

/** Which tracks are read back: all of them, or only unlabelled ones. */
export type ReachBackMode = boolean | "unlabelled";

/**
 * Days before the first fitted day a group at `lowKm` (its first day's 90 % low end) was already
 * on the road at the law's mean daily move `meanKm`: floor(lowKm / meanKm), at most
 * MAX_WRITTEN_DAYS, 0 for a non-positive mean.
 * @example
 * reachBackDays(250, 40); // => 6
 */
export function reachBackDays(lowKm: Km, meanKm: Km): number {
  if (!(meanKm > 0) || !(lowKm > 0)) return 0;
  return Math.min(MAX_WRITTEN_DAYS, Math.floor(lowKm / meanKm));
}

/**
 * The days written before `g`'s fitted track (module comment): `day0` the first written day and
 * one entry per day up to `g.day0 − 1`; no days when the mode leaves `g` out or its first day is
 * within a day's mean move of the origin.
 * @example
 * reachedBack(g, law, true); // => { day0: 17815, days: [{ km: { median: 31, low: 0, high: 402, … }, size: … }, …] }
 */
export function reachedBack(
  g: WorkGroup,
  law: MovementModel,
  mode: ReachBackMode,
): { day0?: number; days: WrittenDay[] } {
  const km = g.km?.days[0];
  if (!mode || !km || (mode === "unlabelled" && g.labelled)) return { days: [] };
  const n = reachBackDays(km.low, meanDailyKm(law));
  const days: WrittenDay[] = [];
  for (let back = n; back >= 1; back--) {
    const head = g.head?.[0];
    const tail = g.tail?.[0];
    const size = g.size?.[0];
    days.push({
      km: behind(km, back, law),
      ...(head ? { head: behind(head, back, law) } : {}),
      ...(tail ? { tail: behind(tail, back, law) } : {}),
      ...(size ? { size } : {}),
    });
  }
  return n > 0 ? { day0: g.day0 - n, days } : { days: [] };
}
