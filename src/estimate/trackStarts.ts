/**
 * Where a track starts when the file names the group before it places it. A track is fitted from
 * the group's first position or border count (positions.ts `setSpan`); a report that names the
 * group and gives its size but no usable place ("más de 400 hondureños de una segunda caravana
 * entraron a El Salvador", 2018 row S008, 17 Oct) says the group exists that day. So its track is
 * written from the day of its first such named report, and on those days nothing places it but
 * its later track and the movement law:
 *
 * - km of the median person, head and tail: at most the high end of the first fitted day's
 *   interval (a group moves forward only), at least that day's low end less the longest ride of a
 *   day (`MovementModel.longRideMaxKm`) for each day back, never below the route's origin —
 *   "somewhere behind its first position", as far back as it could have come from; the median
 *   moves back at the law's mean daily move (`meanDailyKm`), kept inside;
 * - size: the first fitted day's (the named report's own figure is already in the size pass).
 *
 * These days are written only (buildOutputs in estimateTracks.ts): the association, the movement
 * fit, the smoothers, the self-calibration and the track's end never see them, so nothing fitted
 * moves. An earlier version (commit d619a21) started the fitted span itself at the named report
 * and moved the 2018 forecast backtest (docs/estimation.md "A group lives from its first report").
 * Reports without the group's name never start a track early: before the first named report an
 * unnamed report that stood where other groups stood could be any of them (docs/estimation.md
 * "## nogap").
 */
import type { Km } from "../model/units.ts";
import { meanDailyKm } from "../movement/index.ts";
import type { MovementModel } from "../movement/index.ts";
import type { KmDayEstimate } from "./kmSmoother.ts";
import type { SizeDayEstimate } from "./sizeSmoother.ts";
import type { WorkGroup } from "./workGroup.ts";

/** One written day of a track: the median person, the head, the tail and the size. */
export interface WrittenDay {
  km: KmDayEstimate;
  head?: KmDayEstimate;
  tail?: KmDayEstimate;
  size?: SizeDayEstimate;
}

/**
 * First local day of a report naming the labelled group `g` before its fitted track's first day
 * (`g.day0`), or undefined (none, or an unlabelled group).
 */
export function firstNamedDayBefore(g: WorkGroup): number | undefined {
  if (!g.labelled) return undefined;
  let first = Infinity;
  for (const s of g.members) if (s.label === g.name) first = Math.min(first, Math.floor(s.t));
  return first < g.day0 ? first : undefined;
}

/** `d` moved back `days` days (module comment): its high kept, its low and median lowered. */
function behind(d: KmDayEstimate, days: number, law: MovementModel): KmDayEstimate {
  const low: Km = Math.max(0, Math.min(d.low, d.median) - days * law.longRideMaxKm);
  const high: Km = Math.max(d.high, d.median);
  const median = Math.min(high, Math.max(low, d.median - days * meanDailyKm(law)));
  return { median, low, high, mean: median, sd: (high - low) / (2 * 1.645) };
}

/**
 * The days written before `g`'s fitted track, from its first named report (module comment): day
 * of the first and one entry per day up to `g.day0 − 1`; undefined when there are none.
 * @example
 * writtenBefore(g, ctx.movement); // => { day0: 17821, days: [{ km: { median: 412, low: 0, high: 1329, … }, … }, …] }
 */
export function writtenBefore(
  g: WorkGroup,
  law: MovementModel,
): { day0: number; days: WrittenDay[] } | undefined {
  const first = firstNamedDayBefore(g);
  const km = g.km?.days[0];
  if (first === undefined || !km) return undefined;
  const days: WrittenDay[] = [];
  for (let day = first; day < g.day0; day++) {
    const back = g.day0 - day;
    const head = g.head?.[0];
    const tail = g.tail?.[0];
    days.push({
      km: behind(km, back, law),
      ...(head ? { head: behind(head, back, law) } : {}),
      ...(tail ? { tail: behind(tail, back, law) } : {}),
      ...(g.size?.[0] ? { size: g.size[0] } : {}),
    });
  }
  return { day0: first, days };
}
